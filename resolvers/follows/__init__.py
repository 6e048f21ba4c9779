"""Follows (Decidim's ``Follow``): participants subscribe to spaces and resources, by hand or on taking part."""
