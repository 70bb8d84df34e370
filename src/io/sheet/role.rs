//! What a column holds, and the names people give such columns
//! ("Service Provider", "SP", "Performance Measure", "Achieved %").

use serde::{Deserialize, Serialize};

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Period,
    Measure,
    Provider,
    /// CSP North, Central or South: tells which of Telefonica's two
    /// contracts a row is.
    Region,
    Value,
    Successes,
    Total,
    Category,
    /// Checked against the catalogue, never taken.
    Target,
    /// Checked against the catalogue, never taken.
    Minimum,
    Note,
    ReportedIn,
    Excluded,
    /// Not read (a description, a RAG status, a comment to self).
    Ignore,
}

impl Role {
    pub const ALL: [Role; 14] = [
        Role::Period,
        Role::Measure,
        Role::Provider,
        Role::Region,
        Role::Value,
        Role::Successes,
        Role::Total,
        Role::Category,
        Role::Target,
        Role::Minimum,
        Role::Note,
        Role::ReportedIn,
        Role::Excluded,
        Role::Ignore,
    ];

    /// As in files and on the command line: `period`, `reported_in`.
    pub fn name(self) -> &'static str {
        match self {
            Role::Period => "period",
            Role::Measure => "measure",
            Role::Provider => "provider",
            Role::Region => "region",
            Role::Value => "value",
            Role::Successes => "successes",
            Role::Total => "total",
            Role::Category => "category",
            Role::Target => "target",
            Role::Minimum => "minimum",
            Role::Note => "note",
            Role::ReportedIn => "reported_in",
            Role::Excluded => "excluded",
            Role::Ignore => "ignore",
        }
    }

    /// For a person choosing what a column holds.
    pub fn label(self) -> &'static str {
        match self {
            Role::Period => "Month (period)",
            Role::Measure => "Measure (PM2, CPM1…)",
            Role::Provider => "Service provider",
            Role::Region => "Region (North, Central, South)",
            Role::Value => "Service level achieved",
            Role::Successes => "Successes (within target)",
            Role::Total => "Total",
            Role::Category => "Incident category",
            Role::Target => "Target (checked, not taken)",
            Role::Minimum => "Minimum (checked, not taken)",
            Role::Note => "Note",
            Role::ReportedIn => "Month of the report",
            Role::Excluded => "Excluded incidents",
            Role::Ignore => "Not used",
        }
    }

    /// A role by its [`name`](Role::name), or one of its column names.
    pub fn parse(text: &str) -> Option<Role> {
        let k = key(text);
        Role::ALL
            .into_iter()
            .find(|r| key(r.name()) == k)
            .or_else(|| Role::from_header(text))
    }

    /// The long-form column the row checker reads this role as.
    pub(crate) fn field(self) -> Option<&'static str> {
        match self {
            Role::Period => Some("period"),
            Role::Measure => Some("measure"),
            Role::Provider => Some("provider"),
            Role::Value => Some("value"),
            Role::Successes => Some("successes"),
            Role::Total => Some("total"),
            Role::Category => Some("category"),
            Role::Note => Some("note"),
            Role::ReportedIn => Some("reported_in"),
            Role::Excluded => Some("excluded"),
            Role::Region | Role::Target | Role::Minimum | Role::Ignore => None,
        }
    }

    /// Whether a table with one column per month has a use for this role:
    /// its figures are in the month columns, not in a value column.
    pub(crate) fn in_wide(self) -> bool {
        !matches!(
            self,
            Role::Period | Role::Value | Role::Successes | Role::Total
        )
    }

    /// Column names as people write them, compared by [`key`].
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Role::Period => &[
                "period",
                "month",
                "date",
                "reportingperiod",
                "reportingmonth",
                "monthending",
                "periodending",
                "monthyear",
                "mon",
                "performancemonth",
                "periodmonth",
            ],
            Role::Measure => &[
                "measure",
                "performancemeasure",
                "pm",
                "measureid",
                "measurecode",
                "measureref",
                "measurereference",
                "performancemeasureid",
                "performancemeasureref",
                "pmref",
                "pmid",
                "spm",
                "sppm",
                "serviceprovidermeasure",
                "cpm",
                "code",
                "metric",
            ],
            Role::Provider => &[
                "provider",
                "serviceprovider",
                "sp",
                "spname",
                "providername",
                "company",
                "serviceprovidername",
                "contractor",
            ],
            Role::Region => &["region", "cspregion", "lot"],
            Role::Value => &[
                "value",
                "servicelevel",
                "level",
                "achieved",
                "actual",
                "performance",
                "result",
                "achievedservicelevel",
                "actualservicelevel",
                "servicelevelachieved",
                "percentage",
                "percent",
                "sl",
                "achievedlevel",
                "actuallevel",
                "reportedservicelevel",
                "reportedlevel",
                "performancelevel",
                "rpl",
            ],
            Role::Successes => &[
                "successes",
                "success",
                "within",
                "withintarget",
                "withintrt",
                "met",
                "numerator",
                "succeeded",
                "withinsla",
            ],
            Role::Total => &["total", "denominator", "volume", "attempts", "requests"],
            Role::Category => &["category", "severity", "incidentcategory", "cat"],
            Role::Target => &[
                "target",
                "targetservicelevel",
                "targetlevel",
                "tsl",
                "tpl",
                "slatarget",
                "sla",
                "targetpercent",
            ],
            Role::Minimum => &[
                "minimum",
                "minimumservicelevel",
                "minimumlevel",
                "msl",
                "mpl",
                "min",
                "minservicelevel",
            ],
            Role::Note => &["note", "notes", "comment", "comments", "remarks"],
            Role::ReportedIn => &[
                "reportedin",
                "report",
                "reportmonth",
                "reportperiod",
                "pmr",
                "reportedmonth",
                "publishedin",
            ],
            Role::Excluded => &["excluded", "exclusions"],
            Role::Ignore => &[
                "description",
                "measuredescription",
                "measurename",
                "name",
                "title",
                "rag",
                "ragstatus",
                "status",
                "outcome",
                "trend",
                "variance",
                "difference",
                "owner",
                "area",
                "service",
                "servicearea",
                "section",
                "commentary",
            ],
        }
    }

    /// The role a column name says, if it says one.
    pub fn from_header(header: &str) -> Option<Role> {
        let k = key(header);
        if k.is_empty() {
            return None;
        }
        Role::ALL
            .into_iter()
            .find(|r| r.aliases().contains(&k.as_str()))
    }
}

/// A name compared as people mean it: case, spaces and punctuation
/// ignored (`Service Provider`, `service_provider`, `SERVICE-PROVIDER`;
/// `Achieved %` is `achieved`).
pub fn key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(unaccented)
        .collect()
}

/// `Telefónica` is `Telefonica`: accents are dropped from the letters
/// that carry them in the names a sheet may hold.
fn unaccented(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        c => c,
    }
}
