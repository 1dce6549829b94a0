// SovereignFetch: see issue; filled in by its owner.
