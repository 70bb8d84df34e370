//! Every figure as text, in one place: thousands separators, decimals,
//! levels, signed changes, pounds (`£43,198`), £m as the OPR submission
//! prints them, and shares. Rounding is always explicit.

use rust_decimal::{Decimal, RoundingStrategy};

/// `56774` → `56,774`.
pub fn thousands(n: u64) -> String {
    group(&n.to_string())
}

/// A count that may be missing: `thousands`, or `–` for none.
pub fn count(c: Option<u64>) -> String {
    c.map_or("–".into(), thousands)
}

fn group(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A decimal rounded half away from zero to `dp` places, with separators:
/// `decimal(1020.26, 2)` → `1,020.26`.
pub fn decimal(value: Decimal, dp: u32) -> String {
    let r = value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    // Padded by hand: rust_decimal's `{:.N}` overflows its buffer (and
    // panics) once integer digits plus N pass 31.
    let text = r.to_string();
    let (sign, body) = match text.strip_prefix('-') {
        Some(b) => ("-", b),
        None => ("", text.as_str()),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let mut out = format!("{sign}{}", group(int));
    if dp > 0 {
        out.push('.');
        out.push_str(frac);
        out.extend(std::iter::repeat_n(
            '0',
            (dp as usize).saturating_sub(frac.len()),
        ));
    }
    out
}

/// A decimal at full precision, trailing zeros removed, with separators.
pub fn exact(value: Decimal) -> String {
    let n = value.normalize();
    decimal(n, n.scale())
}

/// Exact where short; otherwise cut to 6 decimals and marked "…", so a
/// 28-digit quotient reads as `23.742096…` and is never mistaken for rounded.
pub fn brief(value: Decimal) -> String {
    const DP: u32 = 6;
    if value.scale() <= DP {
        return decimal(value, value.scale());
    }
    let n = value.normalize();
    if n.scale() <= DP {
        exact(n)
    } else {
        format!(
            "{}…",
            decimal(n.round_dp_with_strategy(DP, RoundingStrategy::ToZero), DP)
        )
    }
}

/// A target, minimum or level as the report prints it: percentages to at
/// least two decimals (`99.90`), counts as they are. No unit sign.
pub fn level(value: Decimal, percent: bool) -> String {
    if percent {
        decimal(value, value.scale().max(2))
    } else {
        exact(value)
    }
}

/// A signed change: `+1.23` / `-12.14` / `0.00`.
pub fn signed(value: Decimal, dp: u32) -> String {
    let s = decimal(value, dp);
    if value.round_dp(dp) > Decimal::ZERO {
        format!("+{s}")
    } else {
        s
    }
}

/// `£43,198`, or `£1,357.02` where there are pence.
pub fn pounds(gbp: Decimal) -> String {
    let dp = if gbp.fract().is_zero() { 0 } else { 2 };
    let text = decimal(gbp.abs(), dp);
    if gbp.is_sign_negative() && !gbp.is_zero() {
        format!("−£{text}")
    } else {
        format!("£{text}")
    }
}

/// `£2,086,000` or `£695,333.33`.
pub fn money(gbp: Decimal) -> String {
    pounds(gbp.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
}

/// A signed difference in pounds: `+£443`, `−£347,666.67`, `£0`.
pub fn signed_money(gbp: Decimal) -> String {
    let r = gbp.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    if r > Decimal::ZERO {
        format!("+{}", pounds(r))
    } else {
        pounds(r)
    }
}

/// As the submission prints: `2.086` (£m to three decimals).
pub fn millions(gbp: Decimal) -> String {
    decimal(gbp / Decimal::from(1_000_000), 3)
}

/// A percentage share for reading: `80.53%`, `100%`.
pub fn percent(p: Decimal) -> String {
    let r = p.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    format!("{}%", r.normalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn formats() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(56774), "56,774");
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(decimal(d("1020.26"), 2), "1,020.26");
        assert_eq!(decimal(d("99.89683"), 3), "99.897");
        assert_eq!(decimal(d("0.005"), 2), "0.01");
        assert_eq!(decimal(d("-12.145"), 2), "-12.15");
        assert_eq!(decimal(d("100"), 2), "100.00");
        assert_eq!(exact(d("92.750900")), "92.7509");
        assert_eq!(exact(d("-1234.5")), "-1,234.5");
        assert_eq!(signed(d("1.2"), 2), "+1.20");
        assert_eq!(brief(d("23.742096283162155")), "23.742096…");
        assert_eq!(brief(d("99.8960")), "99.8960", "a printed scale is kept");
        assert_eq!(brief(d("99.89600000000")), "99.896");
        assert_eq!(brief(d("1020.26")), "1,020.26");
        assert_eq!(signed(d("-12.14"), 2), "-12.14");
        assert_eq!(signed(d("0.001"), 2), "0.00");
    }
}
