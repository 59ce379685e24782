"""What priority and Flagged mean, said once in the app's own words: the first-run dialog,
the guide, the queue's tabs and the demo's arrival all use these sentences, so they never
disagree. Rich text is our own text only: comment text is always plain. Each sentence goes
through Qt's translation (context "wording"); the figures are put in after."""

from __future__ import annotations

from moderator.gui.common.translation import translate


def priority_sentence(medium: float, high: float) -> str:
    return translate("wording", "High from {high}, Medium from {medium}, Low below; "
                                "the thresholds are yours to change in Preferences.").format(high=f"{high:.2f}",
                                                                                             medium=f"{medium:.2f}")


def flagged_tip(medium: float) -> str:
    """The Flagged queue's tooltip (plain text)."""
    return translate("wording", "Pending comments the model scores Medium priority or higher (from {medium}): "
                                "start here.").format(medium=f"{medium:.2f}")


def how_the_queue_works(medium: float, high: float, with_demo: bool = False) -> str:
    """Rich text: priority, Flagged, and (on a first start) what the demo is."""
    text = translate(
        "wording",
        "<p><b>Priority</b> is how likely a comment is to break your rules (insults, threats, obscenity), "
        "as scored by a model on this computer: nothing is sent anywhere. "
        "{priority} The queue shows the highest priority first.</p>"
        "<p><b>Flagged</b> (key <b>2</b>) holds the pending comments of Medium priority or higher: start there. "
        "<b>Pending</b> (key <b>1</b>) holds everything still waiting for a decision. "
        "A score is a hint, not a verdict: you decide.</p>").format(priority=priority_sentence(medium, high))
    if with_demo:
        text += translate(
            "wording",
            "<p>The demo articles and comments behind this window are made up, to try things on: "
            "<b>j</b> / <b>k</b> move, <b>a</b> approves, <b>h</b> hides, <b>Ctrl+Z</b> undoes. "
            "Nothing reaches a website until you export your decisions. "
            "<b>F1</b> opens the guide.</p>")
    return text


def demo_arrived(medium: float) -> str:
    """The status bar's sentence once the demo is in (plain text)."""
    return translate("wording", "The demo is in: made-up articles and comments to try things on. Press 2 for Flagged "
                                "(pending comments scored Medium or higher, from {medium}), F1 for the guide.").format(
        medium=f"{medium:.2f}")
