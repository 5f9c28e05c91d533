"""Waiting for the home screen's list of dossiers, read just after the first frame."""

from __future__ import annotations

from textual.pilot import Pilot

from synergy_wizard.tui.screens.home import HomeScreen


async def wait_for_dossier_list(pilot: Pilot[None], timeout: float = 10.0) -> HomeScreen:
    """Wait until the home screen (on top, or under a dialog) has read the dossier folder."""
    [home] = [screen for screen in pilot.app.screen_stack if isinstance(screen, HomeScreen)]
    waited = 0.0
    while not home.loaded and waited < timeout:
        await pilot.pause(0.02)
        waited += 0.02
    assert home.loaded, "the list of dossiers was never read"
    await pilot.pause()
    return home
