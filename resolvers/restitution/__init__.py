"""Restitution: the organization answers proposals (state, text, costs) and tells the people concerned."""
