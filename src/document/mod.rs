//! document (to be filled)
