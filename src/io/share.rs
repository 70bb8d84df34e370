//! Share links: a scenario file carried in a URL's fragment, so it never
//! reaches a server (browsers do not send the part after `#`).
//!
//! `#s=` then the scenario's JSON (whitespace outside strings dropped),
//! deflated in a zlib stream (its checksum catches a damaged link) and
//! written in base64url without padding. Decoding is bounded: a link that
//! would inflate past [`MAX_INFLATED`] is refused, so a small link cannot
//! make the page fill its memory.
//!
//! No DOM: the app builds and opens links with these functions, and the
//! `share_link` fuzz target decodes arbitrary input through them.

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, URL_SAFE_NO_PAD};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use miniz_oxide::inflate::TINFLStatus;
use std::fmt;

/// What starts a share link's fragment (after the `#`).
pub const PREFIX: &str = "s=";
/// The most a link may inflate to: far above any real scenario (the March
/// 2021 sample is about 100 KB), far below what would trouble a browser tab.
pub const MAX_INFLATED: usize = 50 * 1024 * 1024;
/// Above this many characters, some mail and chat tools cut a link short.
pub const WARN_CHARS: usize = 8_000;
/// Above this many characters, browsers refuse a link (Chromium and Firefox
/// take about 2 million in the address bar); the scenario file is offered instead.
pub const MAX_CHARS: usize = 2_000_000;
/// zlib's level 9: the best it does; a scenario takes milliseconds.
const LEVEL: u8 = 9;

/// Why a fragment could not be read as a share link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The fragment is not `#s=...`: some other link, or none.
    NotAShareLink,
    /// `#s=` with nothing after it.
    Empty,
    /// Characters base64url does not use, or a length it cannot have: the
    /// link was cut short or changed (often by a mail or chat tool).
    BadCharacters,
    /// The bytes are not a zlib stream, or its checksum fails: the link was
    /// cut short or changed.
    Damaged,
    /// It would inflate to more than [`MAX_INFLATED`] bytes.
    TooLarge,
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::NotAShareLink => {
                write!(
                    f,
                    "this is not a share link of this app (it should end in #s=…)"
                )
            }
            ShareError::Empty => write!(f, "the share link is empty (nothing after #s=)"),
            ShareError::BadCharacters => write!(
                f,
                "the share link is damaged: it holds characters a share link never has, \
                 or was cut short (some mail and chat tools cut long links)"
            ),
            ShareError::Damaged => write!(
                f,
                "the share link is damaged: it was cut short or changed \
                 (some mail and chat tools cut long links)"
            ),
            ShareError::TooLarge => write!(
                f,
                "the share link would unpack to more than {} MB, more than any scenario; \
                 it was not opened",
                MAX_INFLATED / (1024 * 1024)
            ),
        }
    }
}

impl std::error::Error for ShareError {}

/// The fragment for a scenario's JSON, without the `#`: `s=` and the
/// deflated JSON in base64url.
pub fn encode(json: &str) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(minify(json).as_bytes(), LEVEL);
    let mut out = String::with_capacity(PREFIX.len() + packed.len() * 4 / 3 + 4);
    out.push_str(PREFIX);
    URL_SAFE_NO_PAD.encode_string(packed, &mut out);
    out
}

/// The whole link: `page` without any fragment of its own, then `#` and
/// [`encode`]'s fragment.
pub fn link(page: &str, json: &str) -> String {
    let base = page.split('#').next().unwrap_or(page);
    format!("{base}#{}", encode(json))
}

/// True when a fragment (with or without its `#`) claims to be a share
/// link, so is worth decoding (and reporting when it fails).
pub fn is_share_fragment(fragment: &str) -> bool {
    fragment
        .strip_prefix('#')
        .unwrap_or(fragment)
        .starts_with(PREFIX)
}

/// The scenario file's bytes from a fragment (with or without its `#`).
/// Whitespace is ignored, so a link a mail tool wrapped over lines still
/// opens; padding is accepted, though never written.
pub fn decode(fragment: &str) -> Result<Vec<u8>, ShareError> {
    let body = fragment
        .trim()
        .strip_prefix('#')
        .unwrap_or(fragment.trim())
        .strip_prefix(PREFIX)
        .ok_or(ShareError::NotAShareLink)?;
    let text: String = body.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    if text.is_empty() {
        return Err(ShareError::Empty);
    }
    const LENIENT: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::URL_SAFE,
        GeneralPurposeConfig::new()
            .with_encode_padding(false)
            .with_decode_padding_mode(DecodePaddingMode::Indifferent),
    );
    let packed = LENIENT
        .decode(text.as_bytes())
        .map_err(|_| ShareError::BadCharacters)?;
    miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&packed, MAX_INFLATED).map_err(|e| {
        match e.status {
            TINFLStatus::HasMoreOutput => ShareError::TooLarge,
            _ => ShareError::Damaged,
        }
    })
}

/// JSON without the whitespace between its tokens (strings kept as they
/// are): a pretty scenario file packs about a tenth smaller this way.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Settings;
    use crate::io::{read_with, sheet::Choices, Format, Scenario};

    fn sample_json() -> String {
        Scenario::new(crate::io::sample(), Settings::default(), None).to_json()
    }

    #[test]
    fn the_march_2021_sample_goes_round_and_reads_as_the_same_scenario() {
        let json = sample_json();
        let fragment = encode(&json);
        assert!(fragment.starts_with("s="));
        assert!(fragment[2..]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        let bytes = decode(&format!("#{fragment}")).unwrap();
        assert_eq!(String::from_utf8(bytes.clone()).unwrap(), minify(&json));
        let import = read_with("shared link", &bytes, &Choices::default());
        assert_eq!(import.format, Some(Format::Scenario));
        assert!(import.errors.is_empty(), "{:?}", import.errors);
        let direct = read_with("shared link", json.as_bytes(), &Choices::default());
        assert_eq!(import.dataset, direct.dataset);
        assert!(!import.dataset.observations.is_empty());
        assert_eq!(
            (&import.settings, &import.scheme, &import.regime),
            (&direct.settings, &direct.scheme, &direct.regime)
        );
        // About 9,600 characters (the README quotes it): far below what browsers take.
        assert!(fragment.len() < 20_000, "{} characters", fragment.len());
        println!(
            "March 2021 sample link fragment: {} characters",
            fragment.len()
        );
    }

    #[test]
    fn a_link_keeps_the_page_and_drops_its_old_fragment() {
        let l = link("http://127.0.0.1:8080/app/?x=1#s=old", "{}");
        assert!(l.starts_with("http://127.0.0.1:8080/app/?x=1#s="), "{l}");
        assert_eq!(l.matches('#').count(), 1);
        let (_, fragment) = l.split_once('#').unwrap();
        assert_eq!(decode(fragment).unwrap(), b"{}");
    }

    #[test]
    fn minify_drops_only_whitespace_outside_strings() {
        let json = "{\n  \"a b\": \"x \\\" y\\\\\",\n  \"c\": [1, 2]\n}";
        assert_eq!(minify(json), "{\"a b\":\"x \\\" y\\\\\",\"c\":[1,2]}");
    }

    #[test]
    fn a_damaged_link_says_so() {
        let fragment = encode(&sample_json());
        // Cut short, as a chat tool might.
        let cut = &fragment[..fragment.len() / 2];
        assert_eq!(decode(cut), Err(ShareError::Damaged));
        // One character changed in the middle.
        let mut changed = fragment.clone().into_bytes();
        let i = changed.len() / 2;
        changed[i] = if changed[i] == b'A' { b'B' } else { b'A' };
        let changed = String::from_utf8(changed).unwrap();
        assert!(matches!(
            decode(&changed),
            Err(ShareError::Damaged | ShareError::BadCharacters)
        ));
        // Characters base64url never uses.
        assert_eq!(decode("s=abc$%^"), Err(ShareError::BadCharacters));
        assert_eq!(decode("s=A"), Err(ShareError::BadCharacters));
        // Good base64 of something not deflated.
        assert_eq!(decode("s=aGVsbG8gd29ybGQ"), Err(ShareError::Damaged));
        assert!(ShareError::Damaged.to_string().contains("damaged"));
    }

    #[test]
    fn a_wrapped_link_still_opens() {
        let fragment = encode("{\"observations\": []}");
        let wrapped: String = fragment
            .chars()
            .enumerate()
            .flat_map(|(i, c)| (i % 10 == 9).then_some('\n').into_iter().chain([c]))
            .collect();
        assert_eq!(decode(&wrapped).unwrap(), b"{\"observations\":[]}");
    }

    #[test]
    fn another_fragment_is_not_a_share_link() {
        assert_eq!(decode(""), Err(ShareError::NotAShareLink));
        assert_eq!(decode("#"), Err(ShareError::NotAShareLink));
        assert_eq!(decode("#results"), Err(ShareError::NotAShareLink));
        assert_eq!(decode("#x=eJyrrgUAAXUA-Q"), Err(ShareError::NotAShareLink));
        assert_eq!(decode("#s="), Err(ShareError::Empty));
        assert!(is_share_fragment("#s=abc") && is_share_fragment("s="));
        assert!(!is_share_fragment("#results") && !is_share_fragment(""));
        assert!(ShareError::NotAShareLink
            .to_string()
            .contains("not a share link"));
    }

    #[test]
    fn a_bomb_is_refused_before_it_fills_memory() {
        // 60 MB of zeros packs to about 60 KB: under the link limit, over the inflation cap.
        let zeros = vec![0u8; 60 * 1024 * 1024];
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(&zeros, LEVEL);
        let fragment = format!("s={}", URL_SAFE_NO_PAD.encode(&packed));
        assert!(fragment.len() < MAX_CHARS);
        assert_eq!(decode(&fragment), Err(ShareError::TooLarge));
        assert!(ShareError::TooLarge.to_string().contains("50 MB"));
        // Just under the cap still opens.
        let under = vec![b' '; 1024 * 1024];
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(&under, LEVEL);
        let fragment = format!("s={}", URL_SAFE_NO_PAD.encode(&packed));
        assert_eq!(decode(&fragment).unwrap().len(), under.len());
    }
}
