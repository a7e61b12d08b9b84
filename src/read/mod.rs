//! read (to be filled)
