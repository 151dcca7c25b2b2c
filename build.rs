//! Links the `morgue` binary as a position-dependent executable on Linux.
//!
//! Why: every search is a fresh process, so start-up time is part of every query. A
//! position-independent executable makes the dynamic loader apply ~50 000 relocations
//! and copy ~1 MB of relocated tables (HTML entity tables, vtables, word lists) on
//! each start. Without PIE the linker resolves them once, at build time: measured
//! with `perf stat -r 30 target/release/morgue --version`, 2.8 ms -> 1.1 ms of CPU,
//! and a one-shot `morgue search` on a 10k-article index went from 5.8 ms to 3.5 ms
//! (hyperfine, 40 runs). The code is still compiled position-independent; only the
//! final link of the binaries changes (the library, tests and build scripts do not).
//! The cost is that the executable's own addresses are not randomised (ASLR still
//! applies to the stack, heap and shared libraries), a fair trade for a local tool
//! that reads files its user points it at.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
