"""The widgets of the wizard."""
