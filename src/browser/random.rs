//! Random bytes from `crypto.getRandomValues`.

pub fn bytes<const N: usize>() -> [u8; N] {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf)
        .expect("crypto.getRandomValues is available in every supported browser");
    buf
}
