"""French typography over the whole built site, counted by tests/typography_faults.py."""

from __future__ import annotations

from typography_faults import RULES, faults, faults_in

CLOCK = "time in English notation (0:02:30)"


def test_the_counter_sees_each_kind_of_fault():
    """The counter itself: one sample per rule, and the same text set right gives nothing."""
    samples = {
        "plain space before ; ! ?": ("<p>Vraiment ?</p>", "<p>Vraiment\u202f?</p>"),
        "no space before ; ! ?": ("<p>Vraiment?</p>", "<p>Vraiment\u202f?</p>"),
        "plain space before :": ('<p><a href="#">lien</a> : suite</p>', '<p><a href="#">lien</a>\u00a0: suite</p>'),
        "« not followed by a no-break space": ("<p>« x\u202f»</p>", "<p>«\u202fx\u202f»</p>"),
        "» not preceded by a no-break space": ("<p>«\u202fx »</p>", "<p>«\u202fx\u202f»</p>"),
        "breakable space in a number (75 000)": ("<p>75 000</p>", "<p>75\u202f000</p>"),
        "breakable space before % or €": ("<p>80 % et 10 k€</p>", "<p>80\u202f% et 10\u00a0k€</p>"),
        "breakable space in a time (20 h 30, 2 min 30)": ("<p>à 20 h 30</p>", "<p>à 20\u00a0h\u00a030</p>"),
        "entity shown as text": ("<p>R&amp;amp ;D</p>", "<p>R&amp;D</p>"),
        CLOCK: ("<td>0:02:30 → 0:04</td>", "<td>2\u00a0min\u00a030</td>"),
    }
    assert set(samples) == set(RULES)
    for rule, (wrong, right) in samples.items():
        assert rule in {f.rule for f in faults_in(f"<html><body>{wrong}</body></html>")}, rule
        assert not faults_in(f"<html><body>{right}</body></html>"), rule
    head = '<html><head><title>A : b</title><meta property="og:title" content="A : b"></head><body></body></html>'
    assert len(faults_in(head)) == 2  # <title> and a meta tag a reader sees
    assert not faults_in("<html><body><code>a : b</code><script>a ; b</script></body></html>")


def test_no_typography_fault_in_the_built_site(site):
    """Pages, navigation, table of contents, <title>, meta tags, tooltips, quiz, decks, handout."""
    found = faults(site)
    assert not found, found[:10]
