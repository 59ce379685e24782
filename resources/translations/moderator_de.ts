<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ArticleView</name>
    <message>
        <source>Comments · {count} ({pending} pending)</source>
        <translation>Kommentare · {count} ({pending} offen)</translation>
    </message>
</context>
<context>
    <name>ArticlesTab</name>
    <message>
        <source>Newest first</source>
        <translation>Neueste zuerst</translation>
    </message>
    <message>
        <source>Most pending first</source>
        <translation>Meiste offene zuerst</translation>
    </message>
    <message>
        <source>Highest score first</source>
        <translation>Höchster Wert zuerst</translation>
    </message>
    <message>
        <source>Search headlines</source>
        <translation>Überschriften durchsuchen</translation>
    </message>
    <message>
        <source>Search article headlines</source>
        <translation>Artikelüberschriften durchsuchen</translation>
    </message>
    <message>
        <source>With &amp;comments</source>
        <translation>Mit &amp;Kommentaren</translation>
    </message>
    <message>
        <source>With &amp;pending</source>
        <translation>Mit &amp;offenen</translation>
    </message>
    <message>
        <source>Sort articles</source>
        <translation>Artikel sortieren</translation>
    </message>
</context>
<context>
    <name>CommentPanel</name>
    <message>
        <source>approved it</source>
        <translation>hat ihn freigegeben</translation>
    </message>
    <message>
        <source>hid it</source>
        <translation>hat ihn verborgen</translation>
    </message>
    <message>
        <source>sent it back to review</source>
        <translation>hat ihn zurück zur Prüfung geschickt</translation>
    </message>
    <message>
        <source>replied</source>
        <translation>hat geantwortet</translation>
    </message>
    <message>
        <source>posted it</source>
        <translation>hat ihn veröffentlicht</translation>
    </message>
    <message>
        <source>undid a decision</source>
        <translation>hat eine Entscheidung rückgängig gemacht</translation>
    </message>
    <message>
        <source>redid a decision</source>
        <translation>hat eine Entscheidung wiederhergestellt</translation>
    </message>
    <message>
        <source>flagged it for review</source>
        <translation>hat ihn zur Prüfung markiert</translation>
    </message>
    <message>
        <source>featured it</source>
        <translation>hat ihn hervorgehoben</translation>
    </message>
    <message>
        <source>unfeatured it</source>
        <translation>hat ihn nicht mehr hervorgehoben</translation>
    </message>
    <message>
        <source>trusted its author</source>
        <translation>hat seinem Autor vertraut</translation>
    </message>
    <message>
        <source>banned its author</source>
        <translation>hat seinen Autor gesperrt</translation>
    </message>
    <message>
        <source>unbanned its author</source>
        <translation>hat seinen Autor entsperrt</translation>
    </message>
    <message>
        <source>stopped trusting its author</source>
        <translation>hat seinem Autor das Vertrauen entzogen</translation>
    </message>
    <message>
        <source>Deleted by its author on the site; imported hidden. Approving it publishes it again; restoring it sends it back to review.</source>
        <translation>Auf der Website von seinem Autor gelöscht; verborgen importiert. Freigeben veröffentlicht ihn wieder; Zurückstellen schickt ihn zurück zur Prüfung.</translation>
    </message>
    <message>
        <source>Marked as spam on the site; imported hidden.</source>
        <translation>Auf der Website als Spam markiert; verborgen importiert.</translation>
    </message>
    <message>
        <source>In the site&apos;s bin; imported hidden.</source>
        <translation>Im Papierkorb der Website; verborgen importiert.</translation>
    </message>
    <message>
        <source>Flagged by readers on the site; imported pending.</source>
        <translation>Auf der Website von Lesern gemeldet; als offen importiert.</translation>
    </message>
    <message>
        <source> (the site said “{flag}”)</source>
        <translation> (die Website sagte „{flag}“)</translation>
    </message>
    <message>
        <source>Held for moderation on the site{said}; imported pending.</source>
        <translation>Auf der Website zur Moderation zurückgehalten{said}; als offen importiert.</translation>
    </message>
    <message>
        <source>Hidden on the site{said}; imported hidden.</source>
        <translation>Auf der Website verborgen{said}; verborgen importiert.</translation>
    </message>
    <message>
        <source>Selected comment</source>
        <translation>Ausgewählter Kommentar</translation>
    </message>
    <message>
        <source>Select a comment to read it in full and decide.</source>
        <translation>Wählen Sie einen Kommentar, um ihn ganz zu lesen und zu entscheiden.</translation>
    </message>
    <message>
        <source>Status on the site when imported</source>
        <translation>Status auf der Website beim Import</translation>
    </message>
    <message>
        <source>Comment text</source>
        <translation>Kommentartext</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Text of the comment it answers</source>
        <translation>Text des beantworteten Kommentars</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Redaktion</translation>
    </message>
    <message>
        <source>{when} · comment {id}</source>
        <translation>{when} · Kommentar {id}</translation>
    </message>
    <message>
        <source>On: {headline}</source>
        <translation>Zu: {headline}</translation>
    </message>
    <message>
        <source>In reply to {author}:</source>
        <translation>Antwort auf {author}:</translation>
    </message>
    <message>
        <source>No decisions yet.</source>
        <translation>Noch keine Entscheidungen.</translation>
    </message>
</context>
<context>
    <name>ConnectionsDialog</name>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Connected &amp;sites: last pull and push, decisions waiting, last error</source>
        <translation>Verbundene &amp;Websites: letzter Abruf und Versand, wartende Entscheidungen, letzter Fehler</translation>
    </message>
    <message>
        <source>Connected sites</source>
        <translation>Verbundene Websites</translation>
    </message>
    <message>
        <source>The selected connection&apos;s last error</source>
        <translation>Letzter Fehler der gewählten Verbindung</translation>
    </message>
    <message>
        <source>Turn &amp;off</source>
        <translation>&amp;Ausschalten</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Connect a site</source>
        <translation>Website verbinden</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>Kind of site</source>
        <translation>Art der Website</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>A&amp;dresse:</translation>
    </message>
    <message>
        <source>Site address</source>
        <translation>Adresse der Website</translation>
    </message>
    <message>
        <source>&amp;User (Editor):</source>
        <translation>&amp;Benutzer (Redakteur):</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Application &amp;Password:</source>
        <translation>Anwendungs&amp;passwort:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>&amp;Keep it:</source>
        <translation>Auf&amp;bewahren:</translation>
    </message>
    <message>
        <source>Where the password is kept</source>
        <translation>Wo das Passwort aufbewahrt wird</translation>
    </message>
    <message>
        <source>&amp;Check and connect</source>
        <translation>&amp;Prüfen und verbinden</translation>
    </message>
</context>
<context>
    <name>DateFilterDialog</name>
    <message>
        <source>Filter by date</source>
        <translation>Nach Datum filtern</translation>
    </message>
    <message>
        <source>Written &amp;from:</source>
        <translation>Geschrieben &amp;ab:</translation>
    </message>
    <message>
        <source>&amp;To (included):</source>
        <translation>&amp;Bis (einschließlich):</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to {app}</source>
        <translation>Willkommen bei {app}</translation>
    </message>
    <message>
        <source>e.g. Anna Berg, or The Newsroom</source>
        <translation>z. B. Anna Berg oder Die Redaktion</translation>
    </message>
    <message>
        <source>Name on your &amp;staff posts:</source>
        <translation>Name auf Ihren &amp;Redaktionsbeiträgen:</translation>
    </message>
    <message>
        <source>Readers see it on your replies, marked Staff.</source>
        <translation>Leser sehen ihn auf Ihren Antworten, als Redaktion gekennzeichnet.</translation>
    </message>
    <message>
        <source>Your name in the &amp;audit log:</source>
        <translation>Ihr Name im &amp;Protokoll:</translation>
    </message>
    <message>
        <source>Colleagues see it beside each of your decisions, here and in exported decisions.</source>
        <translation>Kollegen sehen ihn neben jeder Ihrer Entscheidungen, hier und in exportierten Entscheidungen.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Loslegen</translation>
    </message>
    <message>
        <source>Ask me later</source>
        <translation>Später fragen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Who are you?&lt;/b&gt; Your names stay on this computer until you post or export.</source>
        <translation>&lt;b&gt;Wer sind Sie?&lt;/b&gt; Ihre Namen bleiben auf diesem Computer, bis Sie etwas veröffentlichen oder exportieren.</translation>
    </message>
</context>
<context>
    <name>HideDialog</name>
    <message>
        <source>Hide {count} comments</source>
        <translation>{count} Kommentare verbergen</translation>
    </message>
    <message>
        <source>Hide {what}? One Ctrl+Z undoes all of it.</source>
        <translation>{what} verbergen? Ein Strg+Z macht alles rückgängig.</translation>
    </message>
    <message>
        <source>&amp;Why are they hidden?</source>
        <translation>&amp;Warum werden sie verborgen?</translation>
    </message>
    <message>
        <source>&amp;Hide {count} comments</source>
        <translation>{count} Kommentare &amp;verbergen</translation>
    </message>
    <message>
        <source>Pick a reason (arrows or 1–7), then Ctrl+Enter or “Hide {count} comments”. Enter cancels.</source>
        <translation>Grund wählen (Pfeile oder 1–7), dann Strg+Eingabe oder „{count} Kommentare verbergen“. Eingabe bricht ab.</translation>
    </message>
    <message>
        <source>Hide comment</source>
        <translation>Kommentar verbergen</translation>
    </message>
    <message>
        <source>&amp;Why is this comment hidden?</source>
        <translation>&amp;Warum wird dieser Kommentar verborgen?</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>&amp;Note for the audit log (needed for “Other”)</source>
        <translation>&amp;Notiz für das Protokoll (nötig bei „Anderes“)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Arrows or 1–7 pick a reason, Enter hides. With a note typed, Ctrl+Enter hides.</source>
        <translation>Pfeile oder 1–7 wählen einen Grund, Eingabe verbirgt. Mit einer Notiz verbirgt Strg+Eingabe.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Waiting for another program writing to the database (an import?); your action is kept and will be saved as soon as it can.</source>
        <translation>Ein anderes Programm schreibt in die Datenbank (ein Import?); Ihre Aktion bleibt erhalten und wird gespeichert, sobald es geht.</translation>
    </message>
    <message>
        <source>Select a comment first (j / k move through comments).</source>
        <translation>Wählen Sie zuerst einen Kommentar (j / k gehen durch die Kommentare).</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Commenter</source>
        <translation>Kommentator</translation>
    </message>
    <message>
        <source>Moderation</source>
        <translation>Moderation</translation>
    </message>
    <message>
        <source>Queue ({count} pending)</source>
        <translation>Warteschlange ({count} offen)</translation>
    </message>
    <message>
        <source>Loading the demo article and comments…</source>
        <translation>Demo-Artikel und Kommentare werden geladen…</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Über {app}</translation>
    </message>
    <message>
        <source>{app} {version}
Data folder: {folder}</source>
        <translation>{app} {version}
Datenordner: {folder}</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <source>Scoring models</source>
        <translation>Bewertungsmodelle</translation>
    </message>
    <message>
        <source>Comments are scored on this computer; no comment text leaves it. The quick screen is built in. Detoxify models give per-label scores: install a model pack from a file (IT can prepare one with “moderator models pack”), or download one. Downloading is the only thing here that uses the network.</source>
        <translation>Kommentare werden auf diesem Computer bewertet; kein Kommentartext verlässt ihn. Die Schnellprüfung ist eingebaut. Detoxify-Modelle geben Werte je Kategorie: Installieren Sie ein Modellpaket aus einer Datei (die IT kann eines mit „moderator models pack“ vorbereiten) oder laden Sie eines herunter. Nur das Herunterladen nutzt hier das Netz.</translation>
    </message>
    <message>
        <source>Installed models</source>
        <translation>Installierte Modelle</translation>
    </message>
    <message>
        <source>&amp;Use for scoring</source>
        <translation>Zum Bewerten &amp;verwenden</translation>
    </message>
    <message>
        <source>&amp;Install from file…</source>
        <translation>Aus Datei &amp;installieren…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Download:</source>
        <translation>&amp;Herunterladen:</translation>
    </message>
    <message>
        <source>Download and install</source>
        <translation>Herunterladen und installieren</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Data folder: {folder}</source>
        <translation>Datenordner: {folder}</translation>
    </message>
    <message>
        <source>The system&apos;s ({language})</source>
        <translation>Wie das System ({language})</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>A&amp;llgemein</translation>
    </message>
    <message>
        <source>Name readers see on your &amp;staff posts:</source>
        <translation>Name, den Leser auf Ihren &amp;Redaktionsbeiträgen sehen:</translation>
    </message>
    <message>
        <source>e.g. Anna Berg, or The Newsroom</source>
        <translation>z. B. Anna Berg oder Die Redaktion</translation>
    </message>
    <message>
        <source>Your &amp;name in the audit log:</source>
        <translation>Ihr &amp;Name im Protokoll:</translation>
    </message>
    <message>
        <source>&amp;Medium priority from score:</source>
        <translation>&amp;Mittlere Priorität ab Wert:</translation>
    </message>
    <message>
        <source>&amp;High priority from score:</source>
        <translation>&amp;Hohe Priorität ab Wert:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Takes effect the next time the app starts</source>
        <translation>Gilt ab dem nächsten Start der App</translation>
    </message>
    <message>
        <source>&amp;Keyboard</source>
        <translation>&amp;Tastatur</translation>
    </message>
    <message>
        <source>Actions and their keys</source>
        <translation>Aktionen und ihre Tasten</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Ke&amp;y:</source>
        <translation>Tas&amp;te:</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Taste</translation>
    </message>
    <message>
        <source>Al&amp;ternative:</source>
        <translation>Alte&amp;rnative:</translation>
    </message>
    <message>
        <source>Alternative key</source>
        <translation>Alternative Taste</translation>
    </message>
    <message>
        <source>&amp;Reset to default</source>
        <translation>Auf &amp;Standard zurücksetzen</translation>
    </message>
    <message>
        <source>Enter on an action, then press its new key. In a key field, Backspace leaves it without a key; Tab moves on.</source>
        <translation>Eingabe auf einer Aktion, dann die neue Taste drücken. In einem Tastenfeld lässt Rücktaste es leer; Tab geht weiter.</translation>
    </message>
    <message>
        <source>Reset &amp;all to defaults</source>
        <translation>&amp;Alle auf Standard zurücksetzen</translation>
    </message>
</context>
<context>
    <name>Premoderation</name>
    <message>
        <source>Pre-moderated: nothing is published until approved</source>
        <translation>Vorab moderiert: nichts erscheint vor der Freigabe</translation>
    </message>
    <message>
        <source>Post-moderated: published unless hidden</source>
        <translation>Nachträglich moderiert: erscheint, solange nicht verborgen</translation>
    </message>
    <message>
        <source>As the site says</source>
        <translation>Wie die Website es vorgibt</translation>
    </message>
    <message>
        <source>Pre-moderated (site default)</source>
        <translation>Vorab moderiert (Vorgabe der Website)</translation>
    </message>
    <message>
        <source>Post-moderated (site default)</source>
        <translation>Nachträglich moderiert (Vorgabe der Website)</translation>
    </message>
    <message>
        <source>Pre-moderated (this article)</source>
        <translation>Vorab moderiert (dieser Artikel)</translation>
    </message>
    <message>
        <source>Post-moderated (this article)</source>
        <translation>Nachträglich moderiert (dieser Artikel)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <source>Change this article&apos;s moderation</source>
        <translation>Moderation dieses Artikels ändern</translation>
    </message>
    <message>
        <source>pre-moderated</source>
        <translation>vorab moderiert</translation>
    </message>
    <message>
        <source>post-moderated</source>
        <translation>nachträglich moderiert</translation>
    </message>
    <message>
        <source>As the site says ({setting})</source>
        <translation>Wie die Website es vorgibt ({setting})</translation>
    </message>
    <message>
        <source>Pre- or post-moderate this article&apos;s new comments</source>
        <translation>Neue Kommentare dieses Artikels vorab oder nachträglich moderieren</translation>
    </message>
    <message>
        <source>Only a lead may change this (the database&apos;s grants)</source>
        <translation>Nur eine Leitung darf das ändern (Rechte der Datenbank)</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>Bewertung</translation>
    </message>
</context>
<context>
    <name>QueueCommands</name>
    <message>
        <source>Approving {comments}…</source>
        <translation>{comments} werden freigegeben…</translation>
    </message>
    <message>
        <source>Hiding {comments}…</source>
        <translation>{comments} werden verborgen…</translation>
    </message>
    <message>
        <source>Restoring {comments}…</source>
        <translation>{comments} werden zurückgestellt…</translation>
    </message>
    <message>
        <source>Selection of {count} cleared: the queue now lists other comments.</source>
        <translation>Auswahl von {count} aufgehoben: die Warteschlange listet jetzt andere Kommentare.</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>&amp;Rule</source>
        <translation>&amp;Regel</translation>
    </message>
    <message>
        <source>Order: {order}.</source>
        <translation>Reihenfolge: {order}.</translation>
    </message>
    <message>
        <source>Open an article first (Ctrl+1 lists them).</source>
        <translation>Öffnen Sie zuerst einen Artikel (Strg+1 listet sie).</translation>
    </message>
    <message>
        <source>Select a comment first (j / k move through comments).</source>
        <translation>Wählen Sie zuerst einen Kommentar (j / k gehen durch die Kommentare).</translation>
    </message>
    <message>
        <source>No rule has found anything yet</source>
        <translation>Noch keine Regel hat etwas gefunden</translation>
    </message>
    <message>
        <source>{rule} ({count})</source>
        <translation>{rule} ({count})</translation>
    </message>
    <message>
        <source>Selecting works in the queue: press 1–5 to open one.</source>
        <translation>Auswählen geht in der Warteschlange: 1–5 öffnet eine.</translation>
    </message>
    <message>
        <source>Go to a comment first (j / k), then x selects it.</source>
        <translation>Gehen Sie zuerst zu einem Kommentar (j / k), dann wählt x ihn aus.</translation>
    </message>
    <message>
        <source>Go to a comment first (j / k).</source>
        <translation>Gehen Sie zuerst zu einem Kommentar (j / k).</translation>
    </message>
    <message>
        <source>End of the list.</source>
        <translation>Ende der Liste.</translation>
    </message>
    <message>
        <source>Start of the list.</source>
        <translation>Anfang der Liste.</translation>
    </message>
    <message>
        <source>Nothing is selected: x selects a comment, Shift+J / Shift+K extend, Ctrl+A selects all matching.</source>
        <translation>Nichts ausgewählt: x wählt einen Kommentar, Umschalt+J / Umschalt+K erweitern, Strg+A wählt alle passenden.</translation>
    </message>
    <message>
        <source>Rule: {rule}</source>
        <translation>Regel: {rule}</translation>
    </message>
</context>
<context>
    <name>QueuePane</name>
    <message>
        <source>Pending</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Verborgen</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Highest priority first</source>
        <translation>Höchste Priorität zuerst</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Neueste zuerst</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Älteste zuerst</translation>
    </message>
    <message>
        <source>Best match first</source>
        <translation>Beste Treffer zuerst</translation>
    </message>
    <message>
        <source>{count} pending</source>
        <translation>{count} offen</translation>
    </message>
    <message>
        <source>{count} flagged</source>
        <translation>{count} markiert</translation>
    </message>
    <message>
        <source>{count} hidden</source>
        <translation>{count} verborgen</translation>
    </message>
    <message>
        <source>{count} approved</source>
        <translation>{count} freigegeben</translation>
    </message>
    <message>
        <source>Which queue</source>
        <translation>Welche Warteschlange</translation>
    </message>
    <message>
        <source>Search comments and authors   ( / )</source>
        <translation>Kommentare und Autoren durchsuchen   ( / )</translation>
    </message>
    <message>
        <source>Search the queue</source>
        <translation>Warteschlange durchsuchen</translation>
    </message>
    <message>
        <source>Words (all must match), &quot;a phrase&quot;, prefix*. Enter or Esc goes to the results.</source>
        <translation>Wörter (alle müssen passen), &quot;eine Wendung&quot;, Anfang*. Eingabe oder Esc führt zu den Ergebnissen.</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Add a filter</source>
        <translation>Filter hinzufügen</translation>
    </message>
    <message>
        <source>How many comments match</source>
        <translation>Wie viele Kommentare passen</translation>
    </message>
    <message>
        <source>Queue order</source>
        <translation>Reihenfolge</translation>
    </message>
    <message>
        <source>Histogram label</source>
        <translation>Kategorie des Histogramms</translation>
    </message>
    <message>
        <source>Which label&apos;s scores the histogram shows</source>
        <translation>Welche Kategorie das Histogramm zeigt</translation>
    </message>
    <message>
        <source>Remove this filter: {filter}</source>
        <translation>Diesen Filter entfernen: {filter}</translation>
    </message>
    <message>
        <source>Filter {filter}. Press to remove it.</source>
        <translation>Filter {filter}. Drücken entfernt ihn.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <source>{count} selected</source>
        <translation>{count} ausgewählt</translation>
    </message>
    <message>
        <source>Selecting every matching comment…</source>
        <translation>Alle passenden Kommentare werden ausgewählt…</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <source>In reply to {author}:</source>
        <translation>Antwort auf {author}:</translation>
    </message>
    <message>
        <source>Reply as staff</source>
        <translation>Als Redaktion antworten</translation>
    </message>
    <message>
        <source>In reply to:</source>
        <translation>Antwort auf:</translation>
    </message>
    <message>
        <source>Your &amp;reply, shown to readers as staff:</source>
        <translation>Ihre &amp;Antwort, für Leser als Redaktion gekennzeichnet:</translation>
    </message>
    <message>
        <source>Reply text</source>
        <translation>Antworttext</translation>
    </message>
    <message>
        <source>Ctrl+Enter posts the reply.</source>
        <translation>Strg+Eingabe veröffentlicht die Antwort.</translation>
    </message>
</context>
<context>
    <name>ScoreFilterDialog</name>
    <message>
        <source>Filter by score</source>
        <translation>Nach Wert filtern</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Kategorie:</translation>
    </message>
    <message>
        <source>&amp;From score:</source>
        <translation>&amp;Ab Wert:</translation>
    </message>
    <message>
        <source>&amp;Up to score:</source>
        <translation>&amp;Bis Wert:</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>In lists and dialogs</source>
        <translation>In Listen und Dialogen</translation>
    </message>
    <message>
        <source>Change any of these in Preferences, on the Keyboard tab.</source>
        <translation>Jede davon lässt sich in den Einstellungen ändern, im Reiter Tastatur.</translation>
    </message>
    <message>
        <source>Collapse / expand replies</source>
        <translation>Antworten ein- / ausklappen</translation>
    </message>
    <message>
        <source>Pick a hide reason in the Hide dialog</source>
        <translation>Einen Grund im Dialog Verbergen wählen</translation>
    </message>
    <message>
        <source>Post a reply; hide with a note typed</source>
        <translation>Antwort senden; mit Notiz verbergen</translation>
    </message>
    <message>
        <source>Leave the search box for the results</source>
        <translation>Vom Suchfeld zu den Ergebnissen</translation>
    </message>
</context>
<context>
    <name>StandingBox</name>
    <message>
        <source>Notes on {name}</source>
        <translation>Notizen zu {name}</translation>
    </message>
    <message>
        <source>Shared with everyone on this database:</source>
        <translation>Für alle sichtbar, die diese Datenbank nutzen:</translation>
    </message>
    <message>
        <source>Notes on {name} saved.</source>
        <translation>Notizen zu {name} gespeichert.</translation>
    </message>
    <message>
        <source>Ban commenter</source>
        <translation>Kommentator sperren</translation>
    </message>
    <message>
        <source>Ban {name}? Their new comments will arrive hidden.</source>
        <translation>{name} sperren? Neue Kommentare kommen dann verborgen an.</translation>
    </message>
    <message>
        <source>Ctrl+Z undoes the ban (and, apart, the hiding).</source>
        <translation>Strg+Z macht die Sperre rückgängig (und, getrennt, das Verbergen).</translation>
    </message>
    <message>
        <source>Ban and hide their {count} pending</source>
        <translation>Sperren und die {count} offenen verbergen</translation>
    </message>
    <message>
        <source>Ban only</source>
        <translation>Nur sperren</translation>
    </message>
    <message>
        <source>Ban</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Trusted</source>
        <translation>Vertrauenswürdig</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Banned</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Their comments are approved automatically, unless a banned word or personal data hits.</source>
        <translation>Die Kommentare werden automatisch freigegeben, außer ein verbotenes Wort oder persönliche Daten werden gefunden.</translation>
    </message>
    <message>
        <source>Their comments are moderated like anyone&apos;s.</source>
        <translation>Die Kommentare werden wie alle anderen moderiert.</translation>
    </message>
    <message>
        <source>Their new comments arrive hidden, with the reason &quot;banned commenter&quot;.</source>
        <translation>Neue Kommentare kommen verborgen an, mit dem Grund „banned commenter“.</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Vertrauen</translation>
    </message>
    <message>
        <source>Approve their comments automatically unless a banned word or personal data hits; Ctrl+Z undoes it</source>
        <translation>Kommentare automatisch freigeben, außer ein verbotenes Wort oder persönliche Daten werden gefunden; Strg+Z macht es rückgängig</translation>
    </message>
    <message>
        <source>Untrust</source>
        <translation>Nicht mehr vertrauen</translation>
    </message>
    <message>
        <source>Moderate their comments like anyone&apos;s again; Ctrl+Z undoes it</source>
        <translation>Kommentare wieder wie alle anderen moderieren; Strg+Z macht es rückgängig</translation>
    </message>
    <message>
        <source>Ban…</source>
        <translation>Sperren…</translation>
    </message>
    <message>
        <source>Their new comments arrive hidden; asks whether to hide their pending comments too; Ctrl+Z undoes it</source>
        <translation>Neue Kommentare kommen verborgen an; fragt, ob auch die offenen verborgen werden sollen; Strg+Z macht es rückgängig</translation>
    </message>
    <message>
        <source>Unban</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Their new comments are moderated like anyone&apos;s again; Ctrl+Z undoes it</source>
        <translation>Neue Kommentare werden wieder wie alle anderen moderiert; Strg+Z macht es rückgängig</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>vertraut</translation>
    </message>
    <message>
        <source>untrusted</source>
        <translation>Vertrauen entzogen</translation>
    </message>
    <message>
        <source>banned</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>unbanned</source>
        <translation>entsperrt</translation>
    </message>
    <message>
        <source>undid</source>
        <translation>rückgängig gemacht</translation>
    </message>
    <message>
        <source>redid</source>
        <translation>wiederhergestellt</translation>
    </message>
    <message>
        <source>… {count} earlier (moderator commenter show)</source>
        <translation>… {count} frühere (moderator commenter show)</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Edit note…</source>
        <translation>Notiz bearbeiten…</translation>
    </message>
    <message>
        <source>Notes on this commenter, shared with everyone on the database</source>
        <translation>Notizen zu diesem Kommentator, für alle sichtbar, die die Datenbank nutzen</translation>
    </message>
    <message>
        <source>Standing history</source>
        <translation>Verlauf des Status</translation>
    </message>
    <message>
        <source>Standing: {standing}</source>
        <translation>Status: {standing}</translation>
    </message>
    <message>
        <source>Notes: {notes}</source>
        <translation>Notizen: {notes}</translation>
    </message>
    <message>
        <source>No notes.</source>
        <translation>Keine Notizen.</translation>
    </message>
    <message>
        <source>Standing never changed.</source>
        <translation>Status nie geändert.</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>&amp;Next comment</source>
        <translation>&amp;Nächster Kommentar</translation>
    </message>
    <message>
        <source>Go to the next comment</source>
        <translation>Zum nächsten Kommentar</translation>
    </message>
    <message>
        <source>&amp;Previous comment</source>
        <translation>&amp;Vorheriger Kommentar</translation>
    </message>
    <message>
        <source>Go to the previous comment</source>
        <translation>Zum vorherigen Kommentar</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>Publish this comment and go to the next</source>
        <translation>Diesen Kommentar veröffentlichen und zum nächsten gehen</translation>
    </message>
    <message>
        <source>&amp;Hide…</source>
        <translation>&amp;Verbergen…</translation>
    </message>
    <message>
        <source>Hide this comment, with a reason, and go to the next</source>
        <translation>Diesen Kommentar mit Grund verbergen und zum nächsten gehen</translation>
    </message>
    <message>
        <source>&amp;Feature / unfeature</source>
        <translation>&amp;Hervorheben / nicht mehr hervorheben</translation>
    </message>
    <message>
        <source>Feature this comment (the site shows it as an editor&apos;s pick); on a featured comment, unfeature it</source>
        <translation>Diesen Kommentar hervorheben (die Website zeigt ihn als Empfehlung der Redaktion); einen hervorgehobenen nicht mehr hervorheben</translation>
    </message>
    <message>
        <source>&amp;Word lists…</source>
        <translation>&amp;Wortlisten…</translation>
    </message>
    <message>
        <source>The site&apos;s banned and suspect words: add, remove, search, import and export</source>
        <translation>Die gesperrten und verdächtigen Wörter der Website: hinzufügen, entfernen, suchen, importieren und exportieren</translation>
    </message>
    <message>
        <source>Re&amp;store</source>
        <translation>&amp;Zurückstellen</translation>
    </message>
    <message>
        <source>Send a hidden or approved comment back to review</source>
        <translation>Einen verborgenen oder freigegebenen Kommentar zurück zur Prüfung schicken</translation>
    </message>
    <message>
        <source>&amp;Reply as staff…</source>
        <translation>Als Redaktion &amp;antworten…</translation>
    </message>
    <message>
        <source>Post a staff reply under this comment</source>
        <translation>Eine Antwort der Redaktion unter diesen Kommentar setzen</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Undo the last decision</source>
        <translation>Die letzte Entscheidung rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Redo the decision undone last</source>
        <translation>Die zuletzt rückgängig gemachte Entscheidung wiederholen</translation>
    </message>
    <message>
        <source>&amp;Articles</source>
        <translation>&amp;Artikel</translation>
    </message>
    <message>
        <source>Show the article list</source>
        <translation>Die Artikelliste zeigen</translation>
    </message>
    <message>
        <source>Pending &amp;queue</source>
        <translation>&amp;Warteschlange</translation>
    </message>
    <message>
        <source>Show pending comments across all articles</source>
        <translation>Offene Kommentare aller Artikel zeigen</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Reload lists from the database</source>
        <translation>Listen neu aus der Datenbank lesen</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Import comment exports (WordPress, Disqus, Isso, Commento, Remark42, CSV, JSON Lines) or an article page</source>
        <translation>Kommentarexporte (WordPress, Disqus, Isso, Commento, Remark42, CSV, JSON Lines) oder eine Artikelseite importieren</translation>
    </message>
    <message>
        <source>&amp;Export decisions…</source>
        <translation>Entscheidungen &amp;exportieren…</translation>
    </message>
    <message>
        <source>Write every decision to a file the site can apply</source>
        <translation>Alle Entscheidungen in eine Datei schreiben, die die Website übernehmen kann</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>&amp;Sichern…</translation>
    </message>
    <message>
        <source>Copy the database to a file (safe while you work)</source>
        <translation>Die Datenbank in eine Datei kopieren (sicher während der Arbeit)</translation>
    </message>
    <message>
        <source>Scoring &amp;models…</source>
        <translation>Bewertungs&amp;modelle…</translation>
    </message>
    <message>
        <source>Install, choose or download the model that scores comments</source>
        <translation>Das Modell installieren, wählen oder herunterladen, das Kommentare bewertet</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Your name and other settings</source>
        <translation>Ihr Name und weitere Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>&amp;Anleitung</translation>
    </message>
    <message>
        <source>The moderator&apos;s guide: your day, priority and Flagged, every key</source>
        <translation>Die Anleitung: Ihr Tag, Priorität und Markiert, jede Taste</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>List every keyboard shortcut</source>
        <translation>Alle Tastenkürzel auflisten</translation>
    </message>
    <message>
        <source>&amp;About Comment Moderator</source>
        <translation>&amp;Über Comment Moderator</translation>
    </message>
    <message>
        <source>Version and data folder</source>
        <translation>Version und Datenordner</translation>
    </message>
    <message>
        <source>&amp;Pending</source>
        <translation>&amp;Offen</translation>
    </message>
    <message>
        <source>Show the pending queue</source>
        <translation>Die offenen Kommentare zeigen</translation>
    </message>
    <message>
        <source>&amp;Flagged</source>
        <translation>&amp;Markiert</translation>
    </message>
    <message>
        <source>Show pending comments the model flags (Medium priority or higher)</source>
        <translation>Offene Kommentare zeigen, die das Modell markiert (mittlere Priorität oder höher)</translation>
    </message>
    <message>
        <source>&amp;Hidden</source>
        <translation>&amp;Verborgen</translation>
    </message>
    <message>
        <source>Show hidden comments</source>
        <translation>Verborgene Kommentare zeigen</translation>
    </message>
    <message>
        <source>&amp;Approved</source>
        <translation>&amp;Freigegeben</translation>
    </message>
    <message>
        <source>Show approved comments</source>
        <translation>Freigegebene Kommentare zeigen</translation>
    </message>
    <message>
        <source>A&amp;ll</source>
        <translation>A&amp;lle</translation>
    </message>
    <message>
        <source>Show every comment, whatever its status</source>
        <translation>Alle Kommentare zeigen, gleich welcher Status</translation>
    </message>
    <message>
        <source>Change &amp;order</source>
        <translation>&amp;Reihenfolge ändern</translation>
    </message>
    <message>
        <source>Priority, newest, oldest (and best match while searching)</source>
        <translation>Priorität, neueste, älteste (und beste Treffer beim Suchen)</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Search comment text and author names (words, &quot;a phrase&quot;, prefix*)</source>
        <translation>Kommentartexte und Autorennamen durchsuchen (Wörter, &quot;eine Wendung&quot;, Anfang*)</translation>
    </message>
    <message>
        <source>Only this &amp;article</source>
        <translation>Nur dieser &amp;Artikel</translation>
    </message>
    <message>
        <source>Filter the queue to the open article</source>
        <translation>Die Warteschlange auf den offenen Artikel beschränken</translation>
    </message>
    <message>
        <source>Only this &amp;commenter</source>
        <translation>Nur dieser &amp;Kommentator</translation>
    </message>
    <message>
        <source>Filter the queue to the selected comment&apos;s author</source>
        <translation>Die Warteschlange auf den Autor des gewählten Kommentars beschränken</translation>
    </message>
    <message>
        <source>Score &amp;range…</source>
        <translation>&amp;Wertebereich…</translation>
    </message>
    <message>
        <source>Filter the queue by a label&apos;s score</source>
        <translation>Die Warteschlange nach dem Wert einer Kategorie filtern</translation>
    </message>
    <message>
        <source>&amp;Date range…</source>
        <translation>&amp;Zeitraum…</translation>
    </message>
    <message>
        <source>Filter the queue by when comments were written</source>
        <translation>Die Warteschlange danach filtern, wann Kommentare geschrieben wurden</translation>
    </message>
    <message>
        <source>&amp;Remove all filters</source>
        <translation>Alle Filter &amp;entfernen</translation>
    </message>
    <message>
        <source>Remove every filter and the search</source>
        <translation>Alle Filter und die Suche entfernen</translation>
    </message>
    <message>
        <source>Select / &amp;unselect</source>
        <translation>Aus&amp;wählen / abwählen</translation>
    </message>
    <message>
        <source>Add the current comment to the selection, or take it out</source>
        <translation>Den aktuellen Kommentar zur Auswahl hinzufügen oder herausnehmen</translation>
    </message>
    <message>
        <source>Extend selection &amp;down</source>
        <translation>Auswahl nach &amp;unten erweitern</translation>
    </message>
    <message>
        <source>Select this comment and the next</source>
        <translation>Diesen und den nächsten Kommentar auswählen</translation>
    </message>
    <message>
        <source>Extend selection &amp;up</source>
        <translation>Auswahl nach &amp;oben erweitern</translation>
    </message>
    <message>
        <source>Select this comment and the previous</source>
        <translation>Diesen und den vorherigen Kommentar auswählen</translation>
    </message>
    <message>
        <source>Select &amp;all matching</source>
        <translation>&amp;Alle passenden auswählen</translation>
    </message>
    <message>
        <source>Select every comment matching the queue and its filters, not just those on screen</source>
        <translation>Alle Kommentare auswählen, die zur Warteschlange und ihren Filtern passen, nicht nur die sichtbaren</translation>
    </message>
    <message>
        <source>&amp;Clear selection</source>
        <translation>Auswahl auf&amp;heben</translation>
    </message>
    <message>
        <source>Unselect everything</source>
        <translation>Alles abwählen</translation>
    </message>
    <message>
        <source>Approve &amp;selection</source>
        <translation>Auswahl &amp;freigeben</translation>
    </message>
    <message>
        <source>Approve every selected comment (one undo step)</source>
        <translation>Alle ausgewählten Kommentare freigeben (ein Rückgängig-Schritt)</translation>
    </message>
    <message>
        <source>Hide s&amp;election…</source>
        <translation>Auswahl &amp;verbergen…</translation>
    </message>
    <message>
        <source>Hide every selected comment, with a reason (one undo step)</source>
        <translation>Alle ausgewählten Kommentare mit Grund verbergen (ein Rückgängig-Schritt)</translation>
    </message>
    <message>
        <source>&amp;Commenter history</source>
        <translation>&amp;Kommentator-Verlauf</translation>
    </message>
    <message>
        <source>Show every comment of this comment&apos;s author</source>
        <translation>Alle Kommentare des Autors dieses Kommentars zeigen</translation>
    </message>
    <message>
        <source>Hide all &amp;pending from this commenter…</source>
        <translation>Alle &amp;offenen dieses Kommentators verbergen…</translation>
    </message>
    <message>
        <source>Hide every pending comment of this comment&apos;s author (one undo step)</source>
        <translation>Alle offenen Kommentare des Autors verbergen (ein Rückgängig-Schritt)</translation>
    </message>
    <message>
        <source>Audit &amp;log</source>
        <translation>&amp;Protokoll</translation>
    </message>
    <message>
        <source>Every decision: who, when, what, why</source>
        <translation>Jede Entscheidung: wer, wann, was, warum</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>&amp;Verbindungen…</translation>
    </message>
    <message>
        <source>Connect the site&apos;s own comment system (WordPress, Isso)</source>
        <translation>Das Kommentarsystem der Website verbinden (WordPress, Isso)</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>Jetzt &amp;abgleichen</translation>
    </message>
    <message>
        <source>Send waiting decisions to the sites and pull new comments</source>
        <translation>Wartende Entscheidungen an die Websites senden und neue Kommentare abrufen</translation>
    </message>
    <message>
        <source>Sync &amp;log</source>
        <translation>Abgleichs&amp;protokoll</translation>
    </message>
    <message>
        <source>What each sync with the sites did</source>
        <translation>Was jeder Abgleich mit den Websites getan hat</translation>
    </message>
    <message>
        <source>&amp;Why this score?</source>
        <translation>&amp;Warum dieser Wert?</translation>
    </message>
    <message>
        <source>Show which words of this comment move its score up or down</source>
        <translation>Zeigen, welche Wörter dieses Kommentars seinen Wert heben oder senken</translation>
    </message>
    <message>
        <source>&amp;Insight…</source>
        <translation>&amp;Einblick…</translation>
    </message>
    <message>
        <source>Charts of scores and decisions, and which threshold the team&apos;s decisions support</source>
        <translation>Diagramme der Werte und Entscheidungen, und welche Schwelle die Entscheidungen des Teams stützen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Close the app; every decision is already saved</source>
        <translation>Die App schließen; jede Entscheidung ist schon gespeichert</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>Da&amp;tei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Moderate</source>
        <translation>&amp;Moderieren</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Warteschlange</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>Si&amp;te</source>
        <translation>Webs&amp;ite</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Bewegen</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Moderieren</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>Auswählen</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Ansicht</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
</context>
<context>
    <name>look</name>
    <message>
        <source>Pending</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Verborgen</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>High priority</source>
        <translation>Hohe Priorität</translation>
    </message>
    <message>
        <source>Medium priority</source>
        <translation>Mittlere Priorität</translation>
    </message>
    <message>
        <source>Low priority</source>
        <translation>Niedrige Priorität</translation>
    </message>
    <message>
        <source>{count} comment</source>
        <translation>{count} Kommentar</translation>
    </message>
    <message>
        <source>{count} comments</source>
        <translation>{count} Kommentare</translation>
    </message>
    <message>
        <source>Unscored</source>
        <translation>Unbewertet</translation>
    </message>
    <message>
        <source>★ Featured</source>
        <translation>★ Hervorgehoben</translation>
    </message>
    <message>
        <source>{reason} +{more}</source>
        <translation>{reason} +{more}</translation>
    </message>
    <message>
        <source>{count} pending</source>
        <translation>{count} offen</translation>
    </message>
    <message>
        <source>{count} approved</source>
        <translation>{count} freigegeben</translation>
    </message>
    <message>
        <source>{count} hidden</source>
        <translation>{count} verborgen</translation>
    </message>
    <message>
        <source>top {score}</source>
        <translation>max. {score}</translation>
    </message>
    <message>
        <source>{count} unscored</source>
        <translation>{count} unbewertet</translation>
    </message>
</context>
<context>
    <name>vocabulary</name>
    <message>
        <source>Abuse or harassment</source>
        <translation>Beleidigung oder Belästigung</translation>
    </message>
    <message>
        <source>Hate speech</source>
        <translation>Hassrede</translation>
    </message>
    <message>
        <source>Threat of violence</source>
        <translation>Gewaltandrohung</translation>
    </message>
    <message>
        <source>Spam or advertising</source>
        <translation>Spam oder Werbung</translation>
    </message>
    <message>
        <source>Off-topic</source>
        <translation>Themenfremd</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Persönliche Daten</translation>
    </message>
    <message>
        <source>Other (explain in the note)</source>
        <translation>Anderes (in der Notiz erklären)</translation>
    </message>
</context>
<context>
    <name>wording</name>
    <message>
        <source>High from {high}, Medium from {medium}, Low below; the thresholds are yours to change in Preferences.</source>
        <translation>Hoch ab {high}, Mittel ab {medium}, darunter Niedrig; die Schwellen ändern Sie in den Einstellungen.</translation>
    </message>
    <message>
        <source>Pending comments the model scores Medium priority or higher (from {medium}): start here.</source>
        <translation>Offene Kommentare, die das Modell mit mittlerer Priorität oder höher bewertet (ab {medium}): hier anfangen.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Priority&lt;/b&gt; is how likely a comment is to break your rules (insults, threats, obscenity), as scored by a model on this computer: nothing is sent anywhere. {priority} The queue shows the highest priority first.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Flagged&lt;/b&gt; (key &lt;b&gt;2&lt;/b&gt;) holds the pending comments of Medium priority or higher: start there. &lt;b&gt;Pending&lt;/b&gt; (key &lt;b&gt;1&lt;/b&gt;) holds everything still waiting for a decision. A score is a hint, not a verdict: you decide.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Priorität&lt;/b&gt; ist, wie wahrscheinlich ein Kommentar gegen Ihre Regeln verstößt (Beleidigungen, Drohungen, Obszönes), bewertet von einem Modell auf diesem Computer: nichts wird irgendwohin gesendet. {priority} Die Warteschlange zeigt die höchste Priorität zuerst.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Markiert&lt;/b&gt; (Taste &lt;b&gt;2&lt;/b&gt;) enthält die offenen Kommentare mit mittlerer Priorität oder höher: dort anfangen. &lt;b&gt;Offen&lt;/b&gt; (Taste &lt;b&gt;1&lt;/b&gt;) enthält alles, was noch auf eine Entscheidung wartet. Ein Wert ist ein Hinweis, kein Urteil: Sie entscheiden.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The demo articles and comments behind this window are made up, to try things on: &lt;b&gt;j&lt;/b&gt; / &lt;b&gt;k&lt;/b&gt; move, &lt;b&gt;a&lt;/b&gt; approves, &lt;b&gt;h&lt;/b&gt; hides, &lt;b&gt;Ctrl+Z&lt;/b&gt; undoes. Nothing reaches a website until you export your decisions. &lt;b&gt;F1&lt;/b&gt; opens the guide.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Demo-Artikel und -Kommentare hinter diesem Fenster sind erfunden, zum Ausprobieren: &lt;b&gt;j&lt;/b&gt; / &lt;b&gt;k&lt;/b&gt; bewegen, &lt;b&gt;a&lt;/b&gt; gibt frei, &lt;b&gt;h&lt;/b&gt; verbirgt, &lt;b&gt;Strg+Z&lt;/b&gt; macht rückgängig. Nichts erreicht eine Website, bevor Sie Ihre Entscheidungen exportieren. &lt;b&gt;F1&lt;/b&gt; öffnet die Anleitung.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The demo is in: made-up articles and comments to try things on. Press 2 for Flagged (pending comments scored Medium or higher, from {medium}), F1 for the guide.</source>
        <translation>Die Demo ist da: erfundene Artikel und Kommentare zum Ausprobieren. 2 zeigt Markiert (offene Kommentare mit mittlerem Wert oder höher, ab {medium}), F1 die Anleitung.</translation>
    </message>
</context>
</TS>
