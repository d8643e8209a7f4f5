//! The cost of one password hash and one verification with the production parameters
//! (Argon2id, 19 MiB, 2 passes, 1 lane): what every sign-in and password change costs.
//!
//! `cargo bench -p app --bench password_hashing`

#![allow(clippy::expect_used)]

use criterion::{Criterion, criterion_group, criterion_main};

fn hashing(c: &mut Criterion) {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let password = "kasumigaura-lotus-2041".to_owned();
    let mut group = c.benchmark_group("argon2id m=19456 t=2 p=1");
    group.sample_size(30);
    group.bench_function("hash", |b| {
        b.iter(|| runtime.block_on(app::password_hashing::hash(password.clone())).expect("hash"));
    });
    let stored = runtime.block_on(app::password_hashing::hash(password.clone())).expect("hash");
    group.bench_function("verify", |b| {
        b.iter(|| {
            runtime
                .block_on(app::password_hashing::verify(password.clone(), Some(stored.clone())))
                .expect("verify")
        });
    });
    group.finish();
}

criterion_group!(benches, hashing);
criterion_main!(benches);
