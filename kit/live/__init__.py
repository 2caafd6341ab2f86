"""Live sessions: who a page belongs to, and how it follows the instructor."""
