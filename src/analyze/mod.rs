//! analyze (to be filled)
