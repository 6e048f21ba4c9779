"""Assemblies: reads of assemblies, their tree and their types."""
