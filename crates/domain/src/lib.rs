//! Nukumori's domain: the pure rules of a municipal community welfare plan.
//!
//! Nothing here performs I/O. The crate holds the vocabulary every other layer speaks
//! (plans and their codes, organisations, fiscal years and Japanese era labels), the
//! plan-definition file format and its validation, and the rules that decide who may do
//! what. Keeping these free of databases and HTTP lets them be tested exhaustively and
//! reused by the command line, the server and the benchmarks alike.

pub mod access;
pub mod audit;
pub mod code;
pub mod evaluation;
pub mod evidence;
pub mod fiscal;
pub mod i18n;
pub mod ids;
pub mod notification;
pub mod ownership;
pub mod password;
pub mod plan;
pub mod plan_file;
pub mod progress;
pub mod report;
pub mod review;
pub mod user;
pub mod workflow;

pub use code::NodeCode;
pub use fiscal::FiscalYear;
pub use i18n::Language;
