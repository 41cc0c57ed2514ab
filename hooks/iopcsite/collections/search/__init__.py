"""The search page: where the search form leads without JavaScript, and the words the search shows."""
