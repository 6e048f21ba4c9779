"""Open data: which public rows each exported file holds (the files themselves are written by app.open_data)."""
