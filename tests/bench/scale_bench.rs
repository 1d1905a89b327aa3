//! Scale benchmark on its own: see `scale.rs`. `cargo bench --bench scale_bench`.

mod scale;

fn main() {
    scale::run_all();
}
