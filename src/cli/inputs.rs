//! Turning command-line paths into documents to validate.

use crate::validate::{Report, Validator};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Default for `--max-file-size`: 128 MiB, well above the largest real advisories (20+ MB).
pub const DEFAULT_MAX_FILE_SIZE: u64 = 128 * 1024 * 1024;

/// One document to validate.
#[derive(Debug)]
pub enum Input {
    /// A file, with the path to show.
    File { shown: String, path: PathBuf },
    /// Standard input (`-`).
    Stdin,
    /// A path that could not be listed, with the reason.
    Broken { shown: String, reason: String },
}

/// Expands the arguments (files, directories, `-`) in order; within a directory, sorted by path.
/// Fails when none of the given paths exists.
pub fn collect(args: &[String]) -> Result<Vec<Input>, String> {
    let mut out = Vec::new();
    let mut existing = 0;
    for arg in args {
        if arg == "-" {
            existing += 1;
            out.push(Input::Stdin);
            continue;
        }
        let path = Path::new(arg);
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                out.push(Input::Broken {
                    shown: arg.clone(),
                    reason: io_reason(&e),
                });
                continue;
            }
        };
        existing += 1;
        if !meta.is_dir() {
            out.push(Input::File {
                shown: arg.clone(),
                path: path.to_owned(),
            });
            continue;
        }
        let walker = walkdir::WalkDir::new(path)
            .follow_links(true)
            .sort_by(|a, b| a.file_name().cmp(b.file_name()));
        // Links are followed only while they stay inside the folder: nothing outside the given paths
        // is ever read.
        let root = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        let mut entries = walker.into_iter();
        while let Some(entry) = entries.next() {
            if let Ok(e) = &entry {
                if e.path_is_symlink() {
                    let target = std::fs::canonicalize(e.path());
                    if !target.as_ref().is_ok_and(|t| t.starts_with(&root)) {
                        if e.file_type().is_dir() {
                            entries.skip_current_dir();
                        }
                        let reason = match target {
                            Ok(t) => format!(
                                "it is a link to `{}`, outside `{arg}`; links out of a folder are not followed",
                                t.display()
                            ),
                            Err(err) => format!("it is a link that cannot be resolved: {}", io_reason(&err)),
                        };
                        out.push(Input::Broken {
                            shown: shown(arg, path, e.path()),
                            reason,
                        });
                        continue;
                    }
                }
            }
            match entry {
                Ok(e) if e.file_type().is_dir() => {}
                Ok(e) => {
                    if is_document_name(e.path()) {
                        out.push(Input::File {
                            shown: shown(arg, path, e.path()),
                            path: e.path().to_owned(),
                        });
                    }
                }
                Err(e) => {
                    let p = e.path().map(Path::to_owned).unwrap_or_else(|| path.to_owned());
                    let reason = if e.loop_ancestor().is_some() {
                        "the directory links back to one of its parents (a symlink loop)".to_owned()
                    } else {
                        e.io_error().map_or_else(|| e.to_string(), io_reason)
                    };
                    out.push(Input::Broken {
                        shown: shown(arg, path, &p),
                        reason,
                    });
                }
            }
        }
    }
    if existing == 0 {
        return Err(format!(
            "none of the given paths exists: {}",
            args.iter()
                .map(|a| format!("`{a}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    Ok(out)
}

fn is_document_name(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json") || e.eq_ignore_ascii_case("xml"))
}

/// The argument joined with the path found under it.
fn shown(arg: &str, root: &Path, found: &Path) -> String {
    match found.strip_prefix(root) {
        Ok(rel) if rel.as_os_str().is_empty() => arg.to_owned(),
        Ok(rel) => Path::new(arg).join(rel).to_string_lossy().into_owned(),
        Err(_) => found.to_string_lossy().into_owned(),
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => {
            let s = e.to_string();
            let s = s.split(" (os error").next().unwrap_or(&s).to_owned();
            let mut c = s.chars();
            c.next()
                .map_or(s.clone(), |f| f.to_lowercase().chain(c).collect())
        }
    }
}

/// Reads and validates one input.
pub fn run(validator: &Validator, input: &Input, max_size: u64) -> Report {
    match input {
        Input::Stdin => {
            let mut bytes = Vec::new();
            match std::io::stdin().lock().take(max_size + 1).read_to_end(&mut bytes) {
                Ok(_) if bytes.len() as u64 > max_size => Report::io_error(
                    "-",
                    format!("standard input is larger than the limit of {max_size} bytes"),
                ),
                Ok(_) => validator.validate("-", &bytes),
                Err(e) => Report::io_error("-", format!("cannot read standard input: {}", io_reason(&e))),
            }
        }
        Input::Broken { shown, reason } => {
            Report::io_error(shown, format!("cannot read `{shown}`: {reason}"))
        }
        Input::File { shown, path } => match read(path, max_size) {
            Ok(bytes) => validator.validate(shown, &bytes),
            Err(reason) => Report::io_error(shown, format!("cannot read `{shown}`: {reason}")),
        },
    }
}

fn read(path: &Path, max_size: u64) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| io_reason(&e))?;
    if meta.is_dir() {
        return Err("it is a directory".to_owned());
    }
    if !meta.is_file() {
        // FIFOs, sockets and devices could block or never end: never open them.
        return Err("it is not a regular file".to_owned());
    }
    if meta.len() > max_size {
        return Err(format!(
            "the file has {} bytes, more than the limit of {max_size} (see `--max-file-size`)",
            meta.len()
        ));
    }
    let file = std::fs::File::open(path).map_err(|e| io_reason(&e))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max_size + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_reason(&e))?;
    if bytes.len() as u64 > max_size {
        return Err(format!(
            "the file grew beyond the limit of {max_size} bytes while being read"
        ));
    }
    Ok(bytes)
}
