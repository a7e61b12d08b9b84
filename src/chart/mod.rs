//! chart (to be filled)
