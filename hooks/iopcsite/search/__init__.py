"""Site search: Pagefind's index, split into small files so a query fetches only what its words need."""
