"""The screens of the wizard."""
