"""The meetings component: the calendar, registrations, and Decidim's write API for meetings."""
