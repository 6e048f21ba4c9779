"""Surveys: questionnaires, answering them once, and their aggregated results."""
