fn main() -> std::process::ExitCode {
    csaflint::cli::main()
}
