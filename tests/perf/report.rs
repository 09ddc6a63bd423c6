//! Rows for the table `scripts/bench.sh` prints: one tab-separated line each,
//! so the script can put them next to its size rows and align them all.

/// Median, min and max.
pub struct Summary {
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

pub fn summary(v: &[f64]) -> Summary {
    assert!(!v.is_empty(), "no runs to summarise");
    let mut s = v.to_vec();
    s.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let n = s.len();
    let median = if n % 2 == 1 {
        s[n / 2]
    } else {
        (s[n / 2 - 1] + s[n / 2]) / 2.0
    };
    Summary {
        median,
        min: s[0],
        max: s[n - 1],
    }
}

/// The first and third quartiles, each the median of its half.
pub fn quartiles(v: &[f64]) -> (f64, f64) {
    let mut s = v.to_vec();
    s.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let half = s.len() / 2;
    let upper = s.len() - half;
    (
        summary(&s[..half.max(1)]).median,
        summary(&s[upper.min(s.len() - 1)..]).median,
    )
}

/// what, median, min, max, compared with, ratio, target.
pub fn row(cells: [&str; 7]) {
    let clean: Vec<String> = cells.iter().map(|c| c.replace(['\t', '\n'], " ")).collect();
    println!("ROW\t{}", clean.join("\t"));
}

/// A timed row in milliseconds.
pub fn timed(what: &str, v: &[f64], compared: &str, ratio: &str, target: &str) {
    let s = summary(v);
    row([
        &format!("{what} (n={})", v.len()),
        &ms(s.median),
        &ms(s.min),
        &ms(s.max),
        compared,
        ratio,
        target,
    ]);
}

/// A single figure, such as a count or a maximum.
pub fn single(what: &str, value: &str, compared: &str, ratio: &str, target: &str) {
    row([what, value, "-", "-", compared, ratio, target]);
}

/// A line printed under the table.
pub fn note(text: &str) {
    println!("NOTE\t{}", text.replace(['\t', '\n'], " "));
}

pub fn ms(v: f64) -> String {
    format!("{v:.1}")
}

pub fn ratio(a: f64, b: f64) -> String {
    format!("{:.2}x", a / b)
}

/// `n` with thousands separators, as the table reads them.
pub fn grouped(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
