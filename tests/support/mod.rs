pub mod browser;
pub mod pericom;
