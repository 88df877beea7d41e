//! Lenient enumerations: known values as variants, anything else kept as `Other`.

macro_rules! lenient_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident = $text:literal $(| $alias:literal)*),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vm])* #[doc = concat!("The value `", $text, "`.")] $variant,)+
            /// A value this version of the model does not know; kept for rules to report.
            Other(String),
        }

        impl $name {
            /// Reads the value as a CSAF document writes it (CVRF names are accepted as aliases).
            pub fn parse(s: &str) -> Self {
                match s {
                    $($text $(| $alias)* => $name::$variant,)+
                    other => $name::Other(other.to_owned()),
                }
            }

            /// The value as CSAF writes it (or the unknown text).
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $text,)+
                    $name::Other(s) => s,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

lenient_enum! {
    /// `/document/publisher/category`.
    PublisherCategory {
        Coordinator = "coordinator" | "Coordinator",
        Discoverer = "discoverer" | "Discoverer",
        Multiplier = "multiplier",
        OtherValue = "other" | "Other",
        User = "user" | "User",
        Vendor = "vendor" | "Vendor",
        Translator = "translator",
    }
}

lenient_enum! {
    /// `/document/tracking/status`.
    DocumentStatus {
        Draft = "draft" | "Draft",
        Final = "final" | "Final",
        Interim = "interim" | "Interim",
    }
}

lenient_enum! {
    /// `notes[]/category`.
    NoteCategory {
        Description = "description" | "Description",
        Details = "details" | "Details",
        Faq = "faq" | "FAQ",
        General = "general" | "General",
        LegalDisclaimer = "legal_disclaimer" | "Legal Disclaimer",
        OtherValue = "other" | "Other",
        Summary = "summary" | "Summary",
    }
}

lenient_enum! {
    /// `references[]/category`.
    ReferenceCategory {
        External = "external" | "External",
        SelfRef = "self" | "Self",
    }
}

lenient_enum! {
    /// `/document/distribution/tlp/label`.
    TlpLabel {
        Amber = "AMBER",
        AmberStrict = "AMBER+STRICT",
        Clear = "CLEAR",
        Green = "GREEN",
        Red = "RED",
        White = "WHITE",
    }
}

lenient_enum! {
    /// `branches[]/category`.
    BranchCategory {
        Architecture = "architecture" | "Architecture",
        HostName = "host_name" | "Host Name",
        Language = "language" | "Language",
        Legacy = "legacy" | "Legacy",
        PatchLevel = "patch_level" | "Patch Level",
        PlatformPlatform = "platform",
        ProductFamily = "product_family" | "Product Family",
        ProductName = "product_name" | "Product Name",
        ProductVersion = "product_version" | "Product Version",
        ProductVersionRange = "product_version_range",
        ServicePack = "service_pack" | "Service Pack",
        Specification = "specification" | "Specification",
        Vendor = "vendor" | "Vendor",
    }
}

lenient_enum! {
    /// `relationships[]/category`.
    RelationshipCategory {
        DefaultComponentOf = "default_component_of" | "Default Component Of",
        ExternalComponentOf = "external_component_of" | "External Component Of",
        InstalledOn = "installed_on" | "Installed On",
        InstalledWith = "installed_with" | "Installed With",
        OptionalComponentOf = "optional_component_of" | "Optional Component Of",
    }
}

lenient_enum! {
    /// `remediations[]/category` (CVRF `Remediation/@Type`).
    RemediationCategory {
        Mitigation = "mitigation" | "Mitigation",
        NoFixPlanned = "no_fix_planned" | "Will Not Fix",
        NoneAvailable = "none_available" | "None Available",
        VendorFix = "vendor_fix" | "Vendor Fix",
        Workaround = "workaround" | "Workaround",
        FixPlanned = "fix_planned",
        OptionalPatch = "optional_patch",
    }
}

lenient_enum! {
    /// `threats[]/category` (CVRF `Threat/@Type`).
    ThreatCategory {
        ExploitStatus = "exploit_status" | "Exploit Status",
        Impact = "impact" | "Impact",
        TargetSet = "target_set" | "Target Set",
    }
}

lenient_enum! {
    /// `involvements[]/party`.
    InvolvementParty {
        Coordinator = "coordinator" | "Coordinator",
        Discoverer = "discoverer" | "Discoverer",
        OtherValue = "other" | "Other",
        User = "user" | "User",
        Vendor = "vendor" | "Vendor",
    }
}

lenient_enum! {
    /// `involvements[]/status`.
    InvolvementStatus {
        Completed = "completed" | "Completed",
        ContactAttempted = "contact_attempted" | "Contact Attempted",
        Disputed = "disputed" | "Disputed",
        InProgress = "in_progress" | "In Progress",
        NotContacted = "not_contacted" | "Not Contacted",
        Open = "open" | "Open",
    }
}

lenient_enum! {
    /// `flags[]/label`.
    FlagLabel {
        ComponentNotPresent = "component_not_present",
        InlineMitigationsAlreadyExist = "inline_mitigations_already_exist",
        VulnerableCodeCannotBeControlledByAdversary = "vulnerable_code_cannot_be_controlled_by_adversary",
        VulnerableCodeNotInExecutePath = "vulnerable_code_not_in_execute_path",
        VulnerableCodeNotPresent = "vulnerable_code_not_present",
    }
}

lenient_enum! {
    /// `restart_required/category`.
    RestartCategory {
        Connected = "connected",
        Dependencies = "dependencies",
        Machine = "machine",
        None = "none",
        Parent = "parent",
        Service = "service",
        System = "system",
        VulnerableComponent = "vulnerable_component",
        Zone = "zone",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_values_are_kept() {
        assert_eq!(
            RemediationCategory::parse("vendor_fix"),
            RemediationCategory::VendorFix
        );
        assert_eq!(
            RemediationCategory::parse("Vendor Fix"),
            RemediationCategory::VendorFix
        );
        assert_eq!(
            RemediationCategory::parse("patch"),
            RemediationCategory::Other("patch".into())
        );
        assert_eq!(
            RemediationCategory::parse("Will Not Fix").as_str(),
            "no_fix_planned"
        );
    }
}
