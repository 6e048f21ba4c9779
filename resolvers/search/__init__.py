"""Full-text search across spaces, resources, comments and participants (index kept by database triggers)."""
