"""Data access, dataloaders, policies and mutations' logic. No Strawberry, no HTTP."""
