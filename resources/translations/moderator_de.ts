<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source> (process {pid})</source>
        <translation> (Prozess {pid})</translation>
    </message>
    <message>
        <source>{app} is already open on {folder}{process} but does not answer. Close it, or end that process, then start again.</source>
        <translation>{app} ist schon für {folder}{process} geöffnet, antwortet aber nicht. Schließen Sie es oder beenden Sie diesen Prozess und starten Sie dann neu.</translation>
    </message>
    <message>
        <source>Something went wrong inside {app}: {error}. Your decisions so far are saved. Details are in {log}.</source>
        <translation>In {app} ist etwas schiefgegangen: {error}. Ihre bisherigen Entscheidungen sind gespeichert. Einzelheiten stehen in {log}.</translation>
    </message>
</context>
<context>
    <name>ArticleList</name>
    <message>
        <source>, highest score {score}</source>
        <translation>, höchster Wert {score}</translation>
    </message>
    <message>
        <source>, {count} unscored</source>
        <translation>, {count} unbewertet</translation>
    </message>
    <message>
        <source>{headline}. {count} pending</source>
        <translation>{headline}. {count} offen</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>No article’s headline holds “{words}” among those with pending comments.</source>
        <translation>Keine Überschrift der Artikel mit offenen Kommentaren enthält „{words}“.</translation>
    </message>
    <message>
        <source>No article’s headline holds “{words}”.</source>
        <translation>Keine Artikelüberschrift enthält „{words}“.</translation>
    </message>
    <message>
        <source>No article has comments waiting for a decision. Untick “With pending” to list every article.</source>
        <translation>Kein Artikel hat Kommentare, die auf eine Entscheidung warten. Entfernen Sie den Haken bei „Mit offenen“, um alle Artikel zu sehen.</translation>
    </message>
    <message>
        <source>No article has comments yet.</source>
        <translation>Noch kein Artikel hat Kommentare.</translation>
    </message>
    <message>
        <source>No articles yet: File → Import comments… brings in an export.</source>
        <translation>Noch keine Artikel: Datei → Importieren… holt einen Export herein.</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>Article text</source>
        <translation>Artikeltext</translation>
    </message>
    <message>
        <source>Comment thread</source>
        <translation>Kommentarverlauf</translation>
    </message>
    <message>
        <source>Comments · {count} ({pending} pending)</source>
        <translation>Kommentare · {count} ({pending} offen)</translation>
    </message>
    <message>
        <source>Write the first comment as staff…</source>
        <translation>Den ersten Kommentar als Redaktion schreiben…</translation>
    </message>
    <message>
        <source>First comment</source>
        <translation>Erster Kommentar</translation>
    </message>
    <message>
        <source>Post as staff</source>
        <translation>Als Redaktion veröffentlichen</translation>
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
    <name>AuditLog</name>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <source>Staff reply</source>
        <translation>Redaktionsantwort</translation>
    </message>
    <message>
        <source>Staff post</source>
        <translation>Redaktionsbeitrag</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Von Hand</translation>
    </message>
    <message>
        <source>Bulk</source>
        <translation>Sammelaktion</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Markieren</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Hervorheben</translation>
    </message>
    <message>
        <source>Unfeature</source>
        <translation>Nicht mehr hervorheben</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Vertrauen</translation>
    </message>
    <message>
        <source>Untrust</source>
        <translation>Nicht mehr vertrauen</translation>
    </message>
    <message>
        <source>Ban</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Unban</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation>Moderator</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Reason and note</source>
        <translation>Grund und Notiz</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Commenter</source>
        <translation>Kommentator</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Bulk batch</source>
        <translation>Sammelaktion</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>reverses decision {id}</source>
        <translation>nimmt Entscheidung {id} zurück</translation>
    </message>
    <message>
        <source>{count} comments · {batch}</source>
        <translation>{count} Kommentare · {batch}</translation>
    </message>
    <message>
        <source>{day} {month} {year} at {time}</source>
        <translation>{day}. {month} {year} um {time}</translation>
    </message>
    <message>
        <source>Decision {id}, {moment}: {moderator}, {action} ({source}) on comment {comment} by {author}. Status {status}.</source>
        <translation>Entscheidung {id}, {moment}: {moderator}, {action} ({source}) zu Kommentar {comment} von {author}. Status {status}.</translation>
    </message>
    <message>
        <source>to</source>
        <translation>zu</translation>
    </message>
    <message>
        <source>Reason: {reason}.</source>
        <translation>Grund: {reason}.</translation>
    </message>
    <message>
        <source>Reverses decision {id}.</source>
        <translation>Nimmt Entscheidung {id} zurück.</translation>
    </message>
    <message>
        <source>Bulk batch {batch} of {count} comments.</source>
        <translation>Sammelaktion {batch} über {count} Kommentare.</translation>
    </message>
    <message>
        <source>Bulk batch {batch}.</source>
        <translation>Sammelaktion {batch}.</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Notiz: {note}</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Jederzeit</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Between dates…</source>
        <translation>Zwischen zwei Daten…</translation>
    </message>
    <message>
        <source>1 decision</source>
        <translation>1 Entscheidung</translation>
    </message>
    <message>
        <source>{count} decisions</source>
        <translation>{count} Entscheidungen</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Selected decision</source>
        <translation>Gewählte Entscheidung</translation>
    </message>
    <message>
        <source>&amp;Moderator</source>
        <translation>&amp;Moderator</translation>
    </message>
    <message>
        <source>Moderator filter</source>
        <translation>Filter nach Moderator</translation>
    </message>
    <message>
        <source>Any moderator</source>
        <translation>Alle Moderatoren</translation>
    </message>
    <message>
        <source>A&amp;ction</source>
        <translation>A&amp;ktion</translation>
    </message>
    <message>
        <source>Action filter</source>
        <translation>Filter nach Aktion</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>&amp;Quelle</translation>
    </message>
    <message>
        <source>Source filter</source>
        <translation>Filter nach Quelle</translation>
    </message>
    <message>
        <source>Any source</source>
        <translation>Alle Quellen</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Wann</translation>
    </message>
    <message>
        <source>Date filter</source>
        <translation>Filter nach Datum</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>&amp;bis</translation>
    </message>
    <message>
        <source>Matching decisions</source>
        <translation>Passende Entscheidungen</translation>
    </message>
    <message>
        <source>Remove this filter: show the decisions on every article</source>
        <translation>Diesen Filter entfernen: die Entscheidungen zu allen Artikeln zeigen</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Read the log again, with decisions made since (F5)</source>
        <translation>Das Protokoll neu lesen, mit den seitdem getroffenen Entscheidungen (F5)</translation>
    </message>
    <message>
        <source>&amp;Remove all filters</source>
        <translation>Alle Filter &amp;entfernen</translation>
    </message>
    <message>
        <source>Show every decision</source>
        <translation>Alle Entscheidungen zeigen</translation>
    </message>
    <message>
        <source>&amp;Export as CSV…</source>
        <translation>Als &amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>Write the decisions shown (all of them, not just those on screen) to a CSV file</source>
        <translation>Die gezeigten Entscheidungen (alle, nicht nur die sichtbaren) in eine CSV-Datei schreiben</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <source>Newest first. Enter opens the comment in the main window.</source>
        <translation>Neueste zuerst. Eingabe öffnet den Kommentar im Hauptfenster.</translation>
    </message>
    <message>
        <source>Article: {headline}</source>
        <translation>Artikel: {headline}</translation>
    </message>
    <message>
        <source>Filter article {headline}. Press to remove it.</source>
        <translation>Filter Artikel {headline}. Drücken entfernt ihn.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <source>No decision matches these filters.</source>
        <translation>Keine Entscheidung passt zu diesen Filtern.</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Protokoll exportieren</translation>
    </message>
    <message>
        <source>Exporting to {file}…</source>
        <translation>Export nach {file}…</translation>
    </message>
    <message>
        <source>{decisions} written to {file}.</source>
        <translation>{decisions} nach {file} geschrieben.</translation>
    </message>
    <message>
        <source>Not exported. {reason}</source>
        <translation>Nicht exportiert. {reason}</translation>
    </message>
    <message>
        <source>Not exported.</source>
        <translation>Nicht exportiert.</translation>
    </message>
</context>
<context>
    <name>Claims</name>
    <message>
        <source>Approve it anyway?</source>
        <translation>Trotzdem freigeben?</translation>
    </message>
    <message>
        <source>Approve anyway</source>
        <translation>Trotzdem freigeben</translation>
    </message>
    <message>
        <source>Hide it anyway?</source>
        <translation>Trotzdem ausblenden?</translation>
    </message>
    <message>
        <source>Hide anyway</source>
        <translation>Trotzdem ausblenden</translation>
    </message>
    <message>
        <source>Restore it anyway?</source>
        <translation>Trotzdem zurückstellen?</translation>
    </message>
    <message>
        <source>Restore anyway</source>
        <translation>Trotzdem zurückstellen</translation>
    </message>
    <message>
        <source>Being handled</source>
        <translation>Wird bearbeitet</translation>
    </message>
    <message>
        <source>{moderator} is handling this comment.</source>
        <translation>{moderator} bearbeitet diesen Kommentar.</translation>
    </message>
    <message>
        <source>Being handled by {moderator}. j passes over it; acting on it asks first.</source>
        <translation>Wird von {moderator} bearbeitet. j überspringt ihn; wer hier entscheidet, wird erst gefragt.</translation>
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
        <translation>hat ihn ausgeblendet</translation>
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
        <source>featured it</source>
        <translation>hat ihn hervorgehoben</translation>
    </message>
    <message>
        <source>Deleted by its author on the site; imported hidden. Approving it publishes it again; restoring it sends it back to review.</source>
        <translation>Auf der Website von seinem Autor gelöscht; ausgeblendet importiert. Freigeben veröffentlicht ihn wieder; Zurückstellen schickt ihn zurück zur Prüfung.</translation>
    </message>
    <message>
        <source>Marked as spam on the site; imported hidden.</source>
        <translation>Auf der Website als Spam markiert; ausgeblendet importiert.</translation>
    </message>
    <message>
        <source>In the site&apos;s bin; imported hidden.</source>
        <translation>Im Papierkorb der Website; ausgeblendet importiert.</translation>
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
        <translation>Auf der Website ausgeblendet{said}; ausgeblendet importiert.</translation>
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
    <message>
        <source>flagged it for review</source>
        <translation>hat ihn zur Prüfung markiert</translation>
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
</context>
<context>
    <name>CommenterCommands</name>
    <message>
        <source>No pending comments from {author}.</source>
        <translation>Keine offenen Kommentare von {author}.</translation>
    </message>
    <message>
        <source>all {count} pending comments from {author}</source>
        <translation>alle {count} offenen Kommentare von {author}</translation>
    </message>
</context>
<context>
    <name>CommenterPanel</name>
    <message>
        <source>Press C on a comment to see everything its author has written.</source>
        <translation>Drücken Sie C auf einem Kommentar, um alles zu sehen, was sein Autor geschrieben hat.</translation>
    </message>
    <message>
        <source>unscored</source>
        <translation>unbewertet</translation>
    </message>
    <message>
        <source>{status}, {scored}, {when}, on {headline}: {text}</source>
        <translation>{status}, {scored}, {when}, zu {headline}: {text}</translation>
    </message>
    <message>
        <source>Commenter history</source>
        <translation>Verlauf des Kommentators</translation>
    </message>
    <message>
        <source>Commenter</source>
        <translation>Kommentator</translation>
    </message>
    <message>
        <source>Their comments by status</source>
        <translation>Seine Kommentare nach Status</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Hide every pending comment of this commenter, with one reason; Ctrl+Z undoes it in one step</source>
        <translation>Alle offenen Kommentare dieses Kommentators mit einem Grund ausblenden; Strg+Z macht das in einem Schritt rückgängig</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Hide all pending from this commenter ({count})…</source>
        <translation>Alle offenen ausblenden ({count})…</translation>
    </message>
    <message>
        <source>Comments by {author}, newest first</source>
        <translation>Kommentare von {author}, neueste zuerst</translation>
    </message>
    <message>
        <source>No comments to moderate.</source>
        <translation>Keine Kommentare zu moderieren.</translation>
    </message>
    <message>
        <source>Their comment, all statuses</source>
        <translation>Sein Kommentar, alle Status</translation>
    </message>
    <message>
        <source>All {count} comments, newest first</source>
        <translation>Alle {count} Kommentare, neueste zuerst</translation>
    </message>
</context>
<context>
    <name>ConflictBar</name>
    <message>
        <source>Conflict with the site</source>
        <translation>Konflikt mit der Website</translation>
    </message>
    <message>
        <source>Changed on the site: your decision is held</source>
        <translation>Auf der Website geändert: Ihre Entscheidung wird zurückgehalten</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>&amp;Meine behalten</translation>
    </message>
    <message>
        <source>Send your decision to the site again: it replaces the site&apos;s state</source>
        <translation>Ihre Entscheidung noch einmal an die Website senden: Sie ersetzt den Stand der Website</translation>
    </message>
    <message>
        <source>Take the &amp;site&apos;s</source>
        <translation>Die der &amp;Website übernehmen</translation>
    </message>
    <message>
        <source>Give the comment the site&apos;s state here too (recorded as a decision; nothing is sent)</source>
        <translation>Dem Kommentar auch hier den Stand der Website geben (als Entscheidung protokolliert; nichts wird gesendet)</translation>
    </message>
    <message>
        <source>{conflict} Which stays?</source>
        <translation>{conflict} Was gilt?</translation>
    </message>
</context>
<context>
    <name>Connections</name>
    <message>
        <source>Site</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Last pull</source>
        <translation>Letzter Abruf</translation>
    </message>
    <message>
        <source>Last push</source>
        <translation>Letzter Versand</translation>
    </message>
    <message>
        <source>To send</source>
        <translation>Zu senden</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Zurückgehalten</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>in this computer&apos;s credential store</source>
        <translation>im Anmeldedatenspeicher dieses Computers</translation>
    </message>
    <message>
        <source>in a file only you can read</source>
        <translation>in einer Datei, die nur Sie lesen können</translation>
    </message>
    <message>
        <source>nowhere: ask each session</source>
        <translation>nirgends: in jeder Sitzung fragen</translation>
    </message>
    <message>
        <source>Only a lead can connect, turn off or remove sites on this team database; ask yours.</source>
        <translation>Nur eine Teamleitung kann auf dieser Team-Datenbank Websites verbinden, ausschalten oder entfernen; fragen Sie Ihre.</translation>
    </message>
    <message>
        <source>Admin &amp;password:</source>
        <translation>Admin-&amp;Passwort:</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Turn &amp;on</source>
        <translation>&amp;Einschalten</translation>
    </message>
    <message>
        <source>Last error ({site}): {error}</source>
        <translation>Letzter Fehler ({site}): {error}</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Connected {site}; its comments arrive with the next sync (F9 syncs now).</source>
        <translation>{site} verbunden; seine Kommentare kommen mit dem nächsten Abgleich (F9 gleicht sofort ab).</translation>
    </message>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>Unerwarteter Fehler: {error}</translation>
    </message>
    <message>
        <source>{site} removed; {count} decisions stay local.</source>
        <translation>{site} entfernt; {count} Entscheidungen bleiben nur hier.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
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
    <name>Decisions</name>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Hervorheben</translation>
    </message>
    <message>
        <source>Unfeature</source>
        <translation>Nicht mehr hervorheben</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Ausgeblendet</translation>
    </message>
    <message>
        <source>Sent back to review</source>
        <translation>Zurück zur Prüfung</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Rückgängig gemacht</translation>
    </message>
    <message>
        <source>Redone</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>Featured</source>
        <translation>Hervorgehoben</translation>
    </message>
    <message>
        <source>Unfeatured</source>
        <translation>Nicht mehr hervorgehoben</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Vertrauen</translation>
    </message>
    <message>
        <source>Ban</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Unban</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Untrust</source>
        <translation>Nicht mehr vertrauen</translation>
    </message>
    <message>
        <source>Trusted</source>
        <translation>Vertrauenswürdig</translation>
    </message>
    <message>
        <source>Banned</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Unbanned</source>
        <translation>Entsperrt</translation>
    </message>
    <message>
        <source>No longer trusted</source>
        <translation>Nicht mehr vertrauenswürdig</translation>
    </message>
    <message>
        <source>Approve anyway</source>
        <translation>Trotzdem freigeben</translation>
    </message>
    <message>
        <source>Restore anyway</source>
        <translation>Trotzdem zurückstellen</translation>
    </message>
    <message>
        <source>Nothing to change: the comment by {author} is {status} already.</source>
        <translation>Nichts zu ändern: Der Kommentar von {author} ist schon {status}.</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <source>{verb} {author}</source>
        <translation>{verb}: {author}</translation>
    </message>
    <message>
        <source>Hide pending from {author}</source>
        <translation>Offene Kommentare von {author} ausblenden</translation>
    </message>
    <message>
        <source>{verb} {what}?</source>
        <translation>{verb}: {what}?</translation>
    </message>
    <message>
        <source>{comments} left out: other moderators are handling them. Ctrl+Z undoes the rest.</source>
        <translation>{comments} ausgelassen: Andere Moderatoren bearbeiten sie. Strg+Z macht den Rest rückgängig.</translation>
    </message>
    <message>
        <source>Hidden: {comments} from {author}; {count} left: being handled by {moderators}. Ctrl+Z undoes the rest.</source>
        <translation>Ausgeblendet: {comments} von {author}; {count} ausgelassen: in Bearbeitung bei {moderators}. Strg+Z macht den Rest rückgängig.</translation>
    </message>
    <message>
        <source>Bulk action</source>
        <translation>Sammelaktion</translation>
    </message>
    <message>
        <source>One Ctrl+Z undoes all of it.</source>
        <translation>Ein Strg+Z macht alles rückgängig.</translation>
    </message>
    <message>
        <source>Deleted by its author</source>
        <translation>Vom Autor gelöscht</translation>
    </message>
    <message>
        <source>Its author deleted this comment on the site before it was imported.</source>
        <translation>Der Autor hat diesen Kommentar auf der Website gelöscht, bevor er importiert wurde.</translation>
    </message>
    <message>
        <source>Approving it publishes it again under their name.</source>
        <translation>Freigeben veröffentlicht ihn wieder unter seinem Namen.</translation>
    </message>
    <message>
        <source>Restoring it sends it back to review, from where it can be published again.</source>
        <translation>Zurückstellen schickt ihn zurück zur Prüfung, von wo er wieder veröffentlicht werden kann.</translation>
    </message>
    <message>
        <source>Nothing to change: every one of them was so already.</source>
        <translation>Nichts zu ändern: Alle waren schon so.</translation>
    </message>
    <message>
        <source>{done}: {author}. Ctrl+Z undoes it.</source>
        <translation>{done}: {author}. Strg+Z macht es rückgängig.</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z redoes it.</source>
        <translation>Strg+Umschalt+Z stellt es wieder her.</translation>
    </message>
    <message>
        <source>Ctrl+Z undoes it.</source>
        <translation>Strg+Z macht es rückgängig.</translation>
    </message>
    <message>
        <source>{done}: comment by {author}. {again}</source>
        <translation>{done}: Kommentar von {author}. {again}</translation>
    </message>
    <message>
        <source>{done}: {count} comments. {again}</source>
        <translation>{done}: {count} Kommentare. {again}</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Nicht ausgeführt</translation>
    </message>
</context>
<context>
    <name>Explaining</name>
    <message>
        <source>The explaining process stopped; press W again.</source>
        <translation>Der Erklärprozess wurde beendet; drücken Sie noch einmal W.</translation>
    </message>
    <message>
        <source>The explanation failed by an unexpected error; details are in the log.</source>
        <translation>Die Erklärung ist an einem unerwarteten Fehler gescheitert; Einzelheiten stehen im Log.</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Comment exports and pages (*.xml *.json *.jsonl *.csv *.gz *.txt);;All files (*)</source>
        <translation>Kommentarexporte und Seiten (*.xml *.json *.jsonl *.csv *.gz *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Import comments</source>
        <translation>Kommentare importieren</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Import abgeschlossen</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Nichts wurde importiert.</translation>
    </message>
    <message>
        <source>Importing {file}</source>
        <translation>{file} wird importiert</translation>
    </message>
    <message>
        <source>Import stopped</source>
        <translation>Import abgebrochen</translation>
    </message>
    <message>
        <source>Export decisions</source>
        <translation>Entscheidungen exportieren</translation>
    </message>
    <message>
        <source>Decisions exported</source>
        <translation>Entscheidungen exportiert</translation>
    </message>
    <message>
        <source>{count} decisions written to {file}.</source>
        <translation>{count} Entscheidungen nach {file} geschrieben.</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>Datenbank sichern</translation>
    </message>
    <message>
        <source>SQLite database (*.sqlite)</source>
        <translation>SQLite-Datenbank (*.sqlite)</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>Gesichert</translation>
    </message>
    <message>
        <source>The database was copied to {file}.</source>
        <translation>Die Datenbank wurde nach {file} kopiert.</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Nicht ausgeführt</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Beschäftigt</translation>
    </message>
    <message>
        <source>An import is running; wait for it or cancel it first.</source>
        <translation>Ein Import läuft; warten Sie auf ihn oder brechen Sie ihn zuerst ab.</translation>
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
    <name>GuideWindow</name>
    <message>
        <source>In lists and dialogs</source>
        <translation>In Listen und Dialogen</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Anleitung</translation>
    </message>
</context>
<context>
    <name>HideDialog</name>
    <message>
        <source>Hide {count} comments</source>
        <translation>{count} Kommentare ausblenden</translation>
    </message>
    <message>
        <source>Hide {what}? One Ctrl+Z undoes all of it.</source>
        <translation>{what} ausblenden? Ein Strg+Z macht alles rückgängig.</translation>
    </message>
    <message>
        <source>&amp;Why are they hidden?</source>
        <translation>&amp;Warum werden sie ausgeblendet?</translation>
    </message>
    <message>
        <source>&amp;Hide {count} comments</source>
        <translation>{count} Kommentare aus&amp;blenden</translation>
    </message>
    <message>
        <source>Pick a reason (arrows or 1–7), then Ctrl+Enter or “Hide {count} comments”. Enter cancels.</source>
        <translation>Grund wählen (Pfeile oder 1–7), dann Strg+Eingabe oder „{count} Kommentare ausblenden“. Eingabe bricht ab.</translation>
    </message>
    <message>
        <source>Hide comment</source>
        <translation>Kommentar ausblenden</translation>
    </message>
    <message>
        <source>&amp;Why is this comment hidden?</source>
        <translation>&amp;Warum wird dieser Kommentar ausgeblendet?</translation>
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
        <translation>Pfeile oder 1–7 wählen einen Grund, Eingabe blendet aus. Mit einer Notiz blendet Strg+Eingabe aus.</translation>
    </message>
</context>
<context>
    <name>HitText</name>
    <message>
        <source>Rule hits: {hits}</source>
        <translation>Regeltreffer: {hits}</translation>
    </message>
    <message>
        <source>Comment text</source>
        <translation>Kommentartext</translation>
    </message>
    <message>
        <source>What the rules found in the text</source>
        <translation>Was die Regeln im Text gefunden haben</translation>
    </message>
</context>
<context>
    <name>Insight</name>
    <message>
        <source>per day</source>
        <translation>pro Tag</translation>
    </message>
    <message>
        <source>per week</source>
        <translation>pro Woche</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>pro Monat</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Kalibrierung</translation>
    </message>
    <message>
        <source>hide at score ≥ threshold</source>
        <translation>ausblenden ab Wert ≥ Schwelle</translation>
    </message>
    <message>
        <source>comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>hide at ≥ {value:.3f}</source>
        <translation>ausblenden ab ≥ {value:.3f}</translation>
    </message>
    <message>
        <source>Drag to choose the threshold</source>
        <translation>Ziehen, um die Schwelle zu wählen</translation>
    </message>
    <message>
        <source>suggested</source>
        <translation>vorgeschlagen</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <source>Catch at least</source>
        <translation>Mindestens erfassen</translation>
    </message>
    <message>
        <source>Fewest mistakes:</source>
        <translation>Wenigste Fehler:</translation>
    </message>
    <message>
        <source> % of hides</source>
        <translation> % der Ausblendungen</translation>
    </message>
    <message>
        <source>Use the suggestion</source>
        <translation>Vorschlag übernehmen</translation>
    </message>
    <message>
        <source>Carry into a rule…</source>
        <translation>Als Regel übernehmen…</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Kategorie:</translation>
    </message>
    <message>
        <source>Threshold:</source>
        <translation>Schwelle:</translation>
    </message>
    <message>
        <source>a wrong hide costs</source>
        <translation>ein falsches Ausblenden kostet</translation>
    </message>
    <message>
        <source>a missed one</source>
        <translation>ein verpasstes</translation>
    </message>
    <message>
        <source>hides caught (of {count} the team hid)</source>
        <translation>erfasste Ausblendungen (von {count}, die das Team ausgeblendet hat)</translation>
    </message>
    <message>
        <source>approvals wrongly hidden (of {count})</source>
        <translation>fälschlich ausgeblendete Freigaben (von {count})</translation>
    </message>
    <message>
        <source>; area under the ROC curve {auc}</source>
        <translation>; Fläche unter der ROC-Kurve {auc}</translation>
    </message>
    <message>
        <source>The {label} score of each comment moderators decided, against what they decided{auc}</source>
        <translation>Der Wert „{label}“ jedes Kommentars, über den Moderatoren entschieden haben, gegen ihre Entscheidung{auc}</translation>
    </message>
    <message>
        <source>Only {hides} hides and {approvals} approvals: too few decisions for these figures to mean much; each new decision may move them a lot.</source>
        <translation>Nur {hides} Ausblendungen und {approvals} Freigaben: zu wenige Entscheidungen, als dass diese Zahlen viel bedeuten; jede neue Entscheidung kann sie stark verschieben.</translation>
    </message>
    <message>
        <source>No threshold meets this target (no hides in this period).</source>
        <translation>Keine Schwelle erreicht dieses Ziel (keine Ausblendungen in diesem Zeitraum).</translation>
    </message>
    <message>
        <source>Suggested: {threshold} ({caught} caught, {wrongly} wrongly hidden)</source>
        <translation>Vorschlag: {threshold} ({caught} erfasst, {wrongly} fälschlich ausgeblendet)</translation>
    </message>
    <message>
        <source>{title} chart</source>
        <translation>Diagramm {title}</translation>
    </message>
    <message>
        <source>Save the chart “{title}” as a PNG image</source>
        <translation>Das Diagramm „{title}“ als PNG-Bild speichern</translation>
    </message>
    <message>
        <source>Save the figures of “{title}” as CSV</source>
        <translation>Die Zahlen von „{title}“ als CSV speichern</translation>
    </message>
    <message>
        <source>Scores by decision</source>
        <translation>Werte nach Entscheidung</translation>
    </message>
    <message>
        <source>Decisions per day</source>
        <translation>Entscheidungen pro Tag</translation>
    </message>
    <message>
        <source>Decisions per moderator</source>
        <translation>Entscheidungen pro Moderator</translation>
    </message>
    <message>
        <source>Model–moderator agreement</source>
        <translation>Übereinstimmung Modell–Moderation</translation>
    </message>
    <message>
        <source>Backlog</source>
        <translation>Rückstau</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>ausgeblendet</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>{label} score ({model})</source>
        <translation>Wert „{label}“ ({model})</translation>
    </message>
    <message>
        <source>{hidden} hidden and {approved} approved by the team, by the model&apos;s score</source>
        <translation>{hidden} ausgeblendet und {approved} freigegeben vom Team, nach dem Wert des Modells</translation>
    </message>
    <message>
        <source>Decisions {per}</source>
        <translation>Entscheidungen {per}</translation>
    </message>
    <message>
        <source>{count} decisions on {days} (manual, bulk, by a rule)</source>
        <translation>{count} Entscheidungen an {days} (von Hand, als Sammelaktion, durch eine Regel)</translation>
    </message>
    <message>
        <source>No decisions in this period</source>
        <translation>Keine Entscheidungen in diesem Zeitraum</translation>
    </message>
    <message>
        <source>Model–moderator agreement {per}</source>
        <translation>Übereinstimmung Modell–Moderation {per}</translation>
    </message>
    <message>
        <source>{share} of {count} decisions</source>
        <translation>{share} von {count} Entscheidungen</translation>
    </message>
    <message>
        <source>no decisions on scored comments</source>
        <translation>keiner Entscheidung zu bewerteten Kommentaren</translation>
    </message>
    <message>
        <source>{model} hides from {threshold}: it agreed with the team on {overall}</source>
        <translation>{model} blendet ab {threshold} aus; mit dem Team einig bei {overall}</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>eingegangen</translation>
    </message>
    <message>
        <source>decided</source>
        <translation>entschieden</translation>
    </message>
    <message>
        <source>Backlog: comments arrived and decided {per}</source>
        <translation>Rückstau: eingegangene und entschiedene Kommentare {per}</translation>
    </message>
    <message>
        <source>; the oldest has waited {age}</source>
        <translation>; der älteste wartet seit {age}</translation>
    </message>
    <message>
        <source>{count} pending now{waiting}</source>
        <translation>Jetzt {count} offen{waiting}</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>{count} days</source>
        <translation>{count} Tagen</translation>
    </message>
    <message>
        <source>1 moderator</source>
        <translation>1 Moderator</translation>
    </message>
    <message>
        <source>{count} moderators</source>
        <translation>{count} Moderatoren</translation>
    </message>
    <message>
        <source>{moderators} and rules</source>
        <translation>{moderators} und Regeln</translation>
    </message>
    <message>
        <source>{count} min</source>
        <translation>{count} min</translation>
    </message>
    <message>
        <source>{count} h</source>
        <translation>{count} h</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Letztes Jahr</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation>Daten…</translation>
    </message>
    <message>
        <source>Insight</source>
        <translation>Einblick</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Überblick</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Website:</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>Alle Websites</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>Die Zahlen werden gelesen…</translation>
    </message>
    <message>
        <source>Figures for {model}, read in {seconds} s.</source>
        <translation>Zahlen für {model}, gelesen in {seconds} s.</translation>
    </message>
    <message>
        <source>Save {chart}</source>
        <translation>{chart} speichern</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation>{file} gespeichert.</translation>
    </message>
    <message>
        <source>Carry into a rule</source>
        <translation>Als Regel übernehmen</translation>
    </message>
    <message>
        <source>Dry run on the comments already decided: {outcome}

Make this threshold a rule?</source>
        <translation>Probelauf mit den schon entschiedenen Kommentaren: {outcome}

Diese Schwelle zur Regel machen?</translation>
    </message>
    <message>
        <source>Could not make the rule</source>
        <translation>Die Regel ließ sich nicht anlegen</translation>
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
        <source>End of this list.</source>
        <translation>Ende dieser Liste.</translation>
    </message>
    <message>
        <source>Start of this list.</source>
        <translation>Anfang dieser Liste.</translation>
    </message>
    <message>
        <source>End of this thread.</source>
        <translation>Ende dieses Verlaufs.</translation>
    </message>
    <message>
        <source>Start of this thread.</source>
        <translation>Anfang dieses Verlaufs.</translation>
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
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>In Gebrauch</translation>
    </message>
    <message>
        <source>Comments will now be scored with {model}.</source>
        <translation>Kommentare werden jetzt mit {model} bewertet.</translation>
    </message>
    <message>
        <source>{model} was removed.</source>
        <translation>{model} wurde entfernt.</translation>
    </message>
    <message>
        <source>Installed {file}. Choose it and press “Use for scoring”.</source>
        <translation>{file} installiert. Wählen Sie es und drücken Sie „Zum Bewerten verwenden“.</translation>
    </message>
    <message>
        <source>Downloaded and installed {model}.</source>
        <translation>{model} heruntergeladen und installiert.</translation>
    </message>
    <message>
        <source>Install a model pack</source>
        <translation>Ein Modellpaket installieren</translation>
    </message>
    <message>
        <source>Model packs (*.zip);;Detoxify checkpoints (*.ckpt)</source>
        <translation>Modellpakete (*.zip);;Detoxify-Checkpoints (*.ckpt)</translation>
    </message>
    <message>
        <source>The checkpoint&apos;s Hugging Face config folder</source>
        <translation>Der Hugging-Face-Konfigurationsordner des Checkpoints</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>In Arbeit…</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Data folder: {folder}</source>
        <translation>Datenordner: {folder}</translation>
    </message>
    <message>
        <source>A change of database takes effect the next time the app starts.</source>
        <translation>Eine andere Datenbank gilt ab dem nächsten Start der App.</translation>
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
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>e.g. postgresql+psycopg://ana@db.example/moderation</source>
        <translation>z. B. postgresql+psycopg://ana@db.example/moderation</translation>
    </message>
    <message>
        <source>A team database; empty: the file in the data folder. Takes effect the next time the app starts</source>
        <translation>Eine Teamdatenbank; leer: die Datei im Datenordner. Gilt ab dem nächsten Start der App</translation>
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
        <source>Cancel the running task</source>
        <translation>Die laufende Aufgabe abbrechen</translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation>wird abgebrochen…</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} von {total}</translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation>noch {time}</translation>
    </message>
    <message>
        <source>{count} s</source>
        <translation>{count} s</translation>
    </message>
    <message>
        <source>{count} min</source>
        <translation>{count} min</translation>
    </message>
    <message>
        <source>{count} h</source>
        <translation>{count} h</translation>
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
        <translation>{comments} werden ausgeblendet…</translation>
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
        <source>all {count} comments selected ({how})</source>
        <translation>alle {count} ausgewählten Kommentare ({how})</translation>
    </message>
    <message>
        <source>the selected comment</source>
        <translation>den ausgewählten Kommentar</translation>
    </message>
    <message>
        <source>the {count} selected comments</source>
        <translation>die {count} ausgewählten Kommentare</translation>
    </message>
    <message>
        <source>&amp;Rule</source>
        <translation>&amp;Regel</translation>
    </message>
    <message>
        <source>No rule has found anything yet</source>
        <translation>Noch keine Regel hat etwas gefunden</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <source>{rule} ({count})</source>
        <translation>{rule} ({count})</translation>
    </message>
    <message>
        <source>Rule: {rule}</source>
        <translation>Regel: {rule}</translation>
    </message>
</context>
<context>
    <name>QueueFilters</name>
    <message>
        <source>Article: {headline}</source>
        <translation>Artikel: {headline}</translation>
    </message>
    <message>
        <source>Commenter: {author}</source>
        <translation>Kommentator: {author}</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>Written {first} – {last}</source>
        <translation>Geschrieben {first} – {last}</translation>
    </message>
    <message>
        <source>Written from {day}</source>
        <translation>Geschrieben ab {day}</translation>
    </message>
    <message>
        <source>Written up to {day}</source>
        <translation>Geschrieben bis {day}</translation>
    </message>
    <message>
        <source>Written any time</source>
        <translation>Geschrieben wann auch immer</translation>
    </message>
    <message>
        <source>{day} {month} {year}</source>
        <translation>{day}. {month} {year}</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Selected. {comment}</source>
        <translation>Ausgewählt. {comment}</translation>
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
        <translation>Ausgeblendet</translation>
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
        <translation>{count} ausgeblendet</translation>
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
        <source>Queue</source>
        <translation>Warteschlange</translation>
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
    <message>
        <source>all matching</source>
        <translation>alle passenden</translation>
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
    <name>RulesDialog</name>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Zurücknehmen</translation>
    </message>
    <message>
        <source>Every decision the rule made since then is undone as one step (Ctrl+Z in the window takes it back). A comment a moderator decided since is left as they left it.</source>
        <translation>Jede Entscheidung, die die Regel seitdem getroffen hat, wird in einem Schritt zurückgenommen (Strg+Z im Fenster macht das rückgängig). Ein Kommentar, über den seither jemand aus dem Team entschieden hat, bleibt, wie er ist.</translation>
    </message>
    <message>
        <source>Rule:</source>
        <translation>Regel:</translation>
    </message>
    <message>
        <source>Since (local time):</source>
        <translation>Seit (Ortszeit):</translation>
    </message>
    <message>
        <source>There is no rule yet.</source>
        <translation>Es gibt noch keine Regel.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <source>{reverted} decision(s) would be reverted; {kept} comment(s) left alone: a moderator decided them since, or they changed.</source>
        <translation>{reverted} Entscheidung(en) würden zurückgenommen; {kept} Kommentar(e) bleiben unberührt: seither vom Team entschieden oder geändert.</translation>
    </message>
    <message>
        <source>&amp;Revert {count} decision(s)</source>
        <translation>{count} Entscheidung(en) &amp;zurücknehmen</translation>
    </message>
    <message>
        <source> Ctrl+Z in the window takes it back.</source>
        <translation> Strg+Z im Fenster macht es rückgängig.</translation>
    </message>
    <message>
        <source>Only a lead can change the rules on this team database; ask yours. The dry run works for everyone.</source>
        <translation>Nur eine Teamleitung kann die Regeln dieser Teamdatenbank ändern; frag deine. Den Probelauf kann jede und jeder starten.</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>&amp;Rules</source>
        <translation>&amp;Regeln</translation>
    </message>
    <message>
        <source>&amp;Thresholds</source>
        <translation>&amp;Schwellenwerte</translation>
    </message>
    <message>
        <source>Re&amp;vert a rule</source>
        <translation>Regel zu&amp;rücknehmen</translation>
    </message>
    <message>
        <source>A banned commenter&apos;s comments</source>
        <translation>Kommentare gesperrter Kommentierender</translation>
    </message>
    <message>
        <source>The site&apos;s banned words</source>
        <translation>Die verbotenen Wörter der Website</translation>
    </message>
    <message>
        <source>Personal data: phone, e-mail, street address, card number</source>
        <translation>Persönliche Daten: Telefon, E-Mail, Anschrift, Kartennummer</translation>
    </message>
    <message>
        <source>More links than allowed</source>
        <translation>Mehr Links als erlaubt</translation>
    </message>
    <message>
        <source>Starter list: dehumanising terms</source>
        <translation>Startliste: entmenschlichende Begriffe</translation>
    </message>
    <message>
        <source>Starter list: threatening phrases</source>
        <translation>Startliste: drohende Wendungen</translation>
    </message>
    <message>
        <source>A score at or over its hide threshold</source>
        <translation>Ein Wert auf oder über seiner Schwelle zum Ausblenden</translation>
    </message>
    <message>
        <source>A trusted commenter&apos;s comments</source>
        <translation>Kommentare vertrauenswürdiger Kommentierender</translation>
    </message>
    <message>
        <source>The site&apos;s suspect words</source>
        <translation>Die verdächtigen Wörter der Website</translation>
    </message>
    <message>
        <source>A score at or over its flag threshold</source>
        <translation>Ein Wert auf oder über seiner Schwelle zum Markieren</translation>
    </message>
    <message>
        <source>Every score under its approve threshold</source>
        <translation>Jeder Wert unter seiner Schwelle zum Freigeben</translation>
    </message>
    <message>
        <source>A commenter&apos;s first comment on the site</source>
        <translation>Der erste Kommentar einer Person auf der Website</translation>
    </message>
    <message>
        <source>Post-moderated: published unless a rule stops it</source>
        <translation>Nachmoderiert: veröffentlicht, wenn keine Regel es verhindert</translation>
    </message>
    <message>
        <source>flag for review</source>
        <translation>zur Prüfung markieren</translation>
    </message>
    <message>
        <source>hide</source>
        <translation>ausblenden</translation>
    </message>
    <message>
        <source>approve</source>
        <translation>freigeben</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>What it acts on</source>
        <translation>Worauf sie wirkt</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>would hide, moderators approved</source>
        <translation>würde ausblenden, das Team gab frei</translation>
    </message>
    <message>
        <source>would hide, moderators hid too</source>
        <translation>würde ausblenden, das Team blendete auch aus</translation>
    </message>
    <message>
        <source>would flag, moderators approved</source>
        <translation>würde markieren, das Team gab frei</translation>
    </message>
    <message>
        <source>would flag, moderators hid</source>
        <translation>würde markieren, das Team blendete aus</translation>
    </message>
    <message>
        <source>would approve, moderators hid</source>
        <translation>würde freigeben, das Team blendete aus</translation>
    </message>
    <message>
        <source>would approve, moderators approved too</source>
        <translation>würde freigeben, das Team gab auch frei</translation>
    </message>
    <message>
        <source>&amp;On</source>
        <translation>&amp;An</translation>
    </message>
    <message>
        <source>more than </source>
        <translation>mehr als </translation>
    </message>
    <message>
        <source> links</source>
        <translation> Links</translation>
    </message>
    <message>
        <source>&amp;Dry run</source>
        <translation>&amp;Probelauf</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Switch on &amp;anyway</source>
        <translation>&amp;Trotzdem einschalten</translation>
    </message>
    <message>
        <source>Do&amp;n&apos;t</source>
        <translation>&amp;Nicht einschalten</translation>
    </message>
    <message>
        <source>Examples from the dry run</source>
        <translation>Beispiele aus dem Probelauf</translation>
    </message>
    <message>
        <source>Click an example to read its text here; double-click opens it in the window.</source>
        <translation>Ein Klick auf ein Beispiel zeigt hier seinen Text; ein Doppelklick öffnet es im Fenster.</translation>
    </message>
    <message>
        <source>&amp;Open in the window</source>
        <translation>Im Fenster ö&amp;ffnen</translation>
    </message>
    <message>
        <source>new rule&apos;s key, e.g. many_links</source>
        <translation>Schlüssel der neuen Regel, z. B. many_links</translation>
    </message>
    <message>
        <source>Add (off)</source>
        <translation>Hinzufügen (aus)</translation>
    </message>
    <message>
        <source>Pre-moderated: nothing published until approved</source>
        <translation>Vormoderiert: nichts erscheint vor der Freigabe</translation>
    </message>
    <message>
        <source>Post-moderated: published unless hidden</source>
        <translation>Nachmoderiert: erscheint, solange nicht ausgeblendet</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Website:</translation>
    </message>
    <message>
        <source>By default:</source>
        <translation>Standard:</translation>
    </message>
    <message>
        <source>Pre-moderation (an article may differ: moderator rules premoderation --article)</source>
        <translation>Vormoderation (ein Artikel kann abweichen: moderator rules premoderation --article)</translation>
    </message>
    <message>
        <source>Dry run: what the rule would have done to the comments moderators decided</source>
        <translation>Probelauf: was die Regel mit den vom Team entschiedenen Kommentaren getan hätte</translation>
    </message>
    <message>
        <source>every site</source>
        <translation>jede Website</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Running the dry run…</source>
        <translation>Probelauf läuft…</translation>
    </message>
    <message>
        <source>Rule &apos;{rule}&apos; ({mode}) on {judged} comment(s) moderators decided: it would act on {acted} ({share:.1%}).</source>
        <translation>Regel &apos;{rule}&apos; ({mode}) auf {judged} vom Team entschiedenen Kommentar(en): sie würde auf {acted} wirken ({share:.1%}).</translation>
    </message>
    <message>
        <source> (against them)</source>
        <translation> (gegen das Team)</translation>
    </message>
    <message>
        <source>comment {id}, {author}: {text}</source>
        <translation>Kommentar {id}, {author}: {text}</translation>
    </message>
    <message>
        <source>Rule &apos;{rule}&apos; would act on {share:.0%} of the {judged} comments moderators decided ({acted}), more than {limit:.0%}. Switch it on anyway?</source>
        <translation>Regel &apos;{rule}&apos; würde auf {share:.0%} der {judged} vom Team entschiedenen Kommentare wirken ({acted}), mehr als {limit:.0%}. Trotzdem einschalten?</translation>
    </message>
    <message>
        <source> It is off: dry-run it, then switch it on.</source>
        <translation> Sie ist aus: erst der Probelauf, dann einschalten.</translation>
    </message>
    <message>
        <source>Hide at or over</source>
        <translation>Ausblenden ab</translation>
    </message>
    <message>
        <source>Flag at or over</source>
        <translation>Markieren ab</translation>
    </message>
    <message>
        <source>Approve under</source>
        <translation>Freigeben unter</translation>
    </message>
    <message>
        <source>Thresholds per label</source>
        <translation>Schwellenwerte je Merkmal</translation>
    </message>
    <message>
        <source>&amp;Save thresholds</source>
        <translation>Schwellenwerte &amp;speichern</translation>
    </message>
    <message>
        <source>A comment is hidden when a label&apos;s score is at or over its hide threshold, flagged for review at or over its flag threshold, and approved when every label with an approve threshold is under it. Values from 0 to 1; an empty cell is not used.</source>
        <translation>Ein Kommentar wird ausgeblendet, wenn der Wert eines Merkmals seine Schwelle zum Ausblenden erreicht, zur Prüfung markiert ab der Schwelle zum Markieren, und freigegeben, wenn jedes Merkmal mit einer Schwelle zum Freigeben darunter liegt. Werte von 0 bis 1; ein leeres Feld wird nicht verwendet.</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source> (active)</source>
        <translation> (aktiv)</translation>
    </message>
    <message>
        <source>Thresholds saved for {model} ({count} label(s) changed).</source>
        <translation>Schwellenwerte für {model} gespeichert ({count} Merkmal(e) geändert).</translation>
    </message>
</context>
<context>
    <name>ScoreBand</name>
    <message>
        <source>Score histogram</source>
        <translation>Werteverteilung</translation>
    </message>
    <message>
        <source>Drag across bars to select those comments (or Left / Right, Shift, Enter)</source>
        <translation>Über Balken ziehen, um diese Kommentare auszuwählen (oder Links / Rechts, Umschalt, Eingabe)</translation>
    </message>
    <message>
        <source>{count} scored comments in {bands} bands; drag to select a band</source>
        <translation>{count} bewertete Kommentare in {bands} Bändern; ziehen wählt ein Band</translation>
    </message>
    <message>
        <source>Scores {low}–{high}: {comments}</source>
        <translation>Werte {low}–{high}: {comments}</translation>
    </message>
</context>
<context>
    <name>ScoreBars</name>
    <message>
        <source>Toxicity</source>
        <translation>Toxizität</translation>
    </message>
    <message>
        <source>Severe toxicity</source>
        <translation>Schwere Toxizität</translation>
    </message>
    <message>
        <source>Obscene</source>
        <translation>Obszön</translation>
    </message>
    <message>
        <source>Threat</source>
        <translation>Drohung</translation>
    </message>
    <message>
        <source>Insult</source>
        <translation>Beleidigung</translation>
    </message>
    <message>
        <source>Identity attack</source>
        <translation>Angriff auf Identität</translation>
    </message>
    <message>
        <source>Identity hate</source>
        <translation>Hass auf Identität</translation>
    </message>
    <message>
        <source>Sexual explicit</source>
        <translation>Sexuell explizit</translation>
    </message>
    <message>
        <source>Offensive</source>
        <translation>Anstößig</translation>
    </message>
    <message>
        <source>Not scored by {model} yet</source>
        <translation>Noch nicht von {model} bewertet</translation>
    </message>
    <message>
        <source>{label} score</source>
        <translation>Wert „{label}“</translation>
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
    <name>Scoring</name>
    <message>
        <source>Scoring stopped by an unexpected error; details are in the log.</source>
        <translation>Die Bewertung wurde durch einen unerwarteten Fehler beendet; Einzelheiten stehen im Log.</translation>
    </message>
    <message>
        <source>Scoring stopped: {reason}</source>
        <translation>Bewertung beendet: {reason}</translation>
    </message>
    <message>
        <source>comments scored</source>
        <translation>Kommentare bewertet</translation>
    </message>
</context>
<context>
    <name>ShortcutEditor</name>
    <message>
        <source>{action}: {keys}.</source>
        <translation>{action}: {keys}.</translation>
    </message>
    <message>
        <source>no key</source>
        <translation>keine Taste</translation>
    </message>
    <message>
        <source>{key} is already {other}. Change {other} first, then reset {action}.</source>
        <translation>{key} ist schon „{other}“. Ändern Sie zuerst „{other}“, dann setzen Sie „{action}“ zurück.</translation>
    </message>
    <message>
        <source>{action} is back to its default.</source>
        <translation>„{action}“ ist wieder auf dem Standard.</translation>
    </message>
    <message>
        <source>Every shortcut is back to its default.</source>
        <translation>Alle Tastenkürzel sind wieder auf dem Standard.</translation>
    </message>
    <message>
        <source>Yours; the default is {keys}.</source>
        <translation>Ihre Wahl; Standard ist {keys}.</translation>
    </message>
    <message>
        <source>The default.</source>
        <translation>Der Standard.</translation>
    </message>
    <message>
        <source>Choose an action to change its keys.</source>
        <translation>Wählen Sie eine Aktion, um ihre Tasten zu ändern.</translation>
    </message>
    <message>
        <source>{action} (default: {keys})</source>
        <translation>{action} (Standard: {keys})</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>moves through lists and text</source>
        <translation>bewegt durch Listen und Text</translation>
    </message>
    <message>
        <source>moves to the next field</source>
        <translation>geht zum nächsten Feld</translation>
    </message>
    <message>
        <source>moves to the previous field</source>
        <translation>geht zum vorigen Feld</translation>
    </message>
    <message>
        <source>confirms dialogs and opens the chosen item</source>
        <translation>bestätigt Dialoge und öffnet den gewählten Eintrag</translation>
    </message>
    <message>
        <source>presses the focused button</source>
        <translation>drückt die fokussierte Schaltfläche</translation>
    </message>
    <message>
        <source>copies text</source>
        <translation>kopiert Text</translation>
    </message>
    <message>
        <source>cuts text</source>
        <translation>schneidet Text aus</translation>
    </message>
    <message>
        <source>pastes text</source>
        <translation>fügt Text ein</translation>
    </message>
    <message>
        <source>opens the {menu} menu</source>
        <translation>öffnet das Menü {menu}</translation>
    </message>
    <message>
        <source>{key} {does}, so it cannot be a shortcut. Choose another key.</source>
        <translation>{key} {does}, kann also kein Tastenkürzel sein. Wählen Sie eine andere Taste.</translation>
    </message>
    <message>
        <source>{key} is already {action}. Choose another key or change {action} first.</source>
        <translation>{key} ist schon „{action}“. Wählen Sie eine andere Taste oder ändern Sie zuerst „{action}“.</translation>
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
        <translation>Einen Grund im Dialog „Ausblenden“ wählen</translation>
    </message>
    <message>
        <source>Post a reply; hide with a note typed</source>
        <translation>Antwort senden; mit Notiz ausblenden</translation>
    </message>
    <message>
        <source>Leave the search box for the results</source>
        <translation>Vom Suchfeld zu den Ergebnissen</translation>
    </message>
</context>
<context>
    <name>SiteStatus</name>
    <message>
        <source>Sites off</source>
        <translation>Websites aus</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Abgleich fehlgeschlagen</translation>
    </message>
    <message>
        <source>Synced {time}</source>
        <translation>Abgeglichen {time}</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht abgeglichen</translation>
    </message>
    <message>
        <source>{state} · {count} to send</source>
        <translation>{state} · {count} zu senden</translation>
    </message>
    <message>
        <source> · {count} held</source>
        <translation> · {count} zurückgehalten</translation>
    </message>
    <message>
        <source>Connected sites</source>
        <translation>Verbundene Websites</translation>
    </message>
    <message>
        <source>Connected sites: click for the Sync log (F9 syncs now)</source>
        <translation>Verbundene Websites: Klick öffnet das Abgleichsprotokoll (F9 gleicht sofort ab)</translation>
    </message>
    <message>
        <source>Sync log</source>
        <translation>Abgleichsprotokoll</translation>
    </message>
</context>
<context>
    <name>SiteSync</name>
    <message>
        <source>A sync is running already.</source>
        <translation>Ein Abgleich läuft schon.</translation>
    </message>
    <message>
        <source>No connection is on: Site → Connections… connects a site.</source>
        <translation>Keine Verbindung ist an: Website → Verbindungen… verbindet eine Website.</translation>
    </message>
    <message>
        <source>Application Password</source>
        <translation>Anwendungspasswort</translation>
    </message>
    <message>
        <source>admin password</source>
        <translation>Admin-Passwort</translation>
    </message>
    <message>
        <source> for {user}</source>
        <translation> für {user}</translation>
    </message>
    <message>
        <source>Password for the site</source>
        <translation>Passwort für die Website</translation>
    </message>
    <message>
        <source>The {what}{who} on {site} ({address}).
It is kept for this session only; Cancel syncs the other sites.</source>
        <translation>Das {what}{who} auf {site} ({address}).
Es wird nur für diese Sitzung behalten; Abbrechen gleicht die anderen Websites ab.</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>No password for {site} this session: press F9 (Site → Sync now) to enter it.</source>
        <translation>Kein Passwort für {site} in dieser Sitzung: Drücken Sie F9 (Website → Jetzt abgleichen), um es einzugeben.</translation>
    </message>
    <message>
        <source>unexpected error: {error}</source>
        <translation>unerwarteter Fehler: {error}</translation>
    </message>
    <message>
        <source>comments pulled</source>
        <translation>Kommentare abgerufen</translation>
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
    <name>WhySection</name>
    <message>
        <source>Scored on the text with its disguises undone (look-alike letters, hidden characters, digits for letters), which scored higher: shown below as the model read it.</source>
        <translation>Bewertet wurde der Text ohne seine Tarnung (ähnlich aussehende Buchstaben, versteckte Zeichen, Ziffern statt Buchstaben), der höher bewertet wurde: unten so gezeigt, wie das Modell ihn las.</translation>
    </message>
    <message>
        <source>Rule hits (word lists, patterns) are marked on the comment&apos;s text above, and named under it.</source>
        <translation>Regeltreffer (Wortlisten, Muster) sind oben im Text des Kommentars markiert und darunter benannt.</translation>
    </message>
    <message>
        <source>exact word contributions</source>
        <translation>genaue Beiträge der Wörter</translation>
    </message>
    <message>
        <source>each word left out in turn (occlusion)</source>
        <translation>jedes Wort der Reihe nach weggelassen (Okklusion)</translation>
    </message>
    <message>
        <source>{label} {score} · log-odds {log_odds} · {model}, {how}</source>
        <translation>{label} {score} · Log-Odds {log_odds} · {model}, {how}</translation>
    </message>
    <message>
        <source>An empty comment: {bias}; the words add {words}</source>
        <translation>Ein leerer Kommentar: {bias}; die Wörter fügen {words} hinzu</translation>
    </message>
    <message>
        <source>Why is this comment flagged</source>
        <translation>Warum ist dieser Kommentar markiert</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>Warum?</translation>
    </message>
    <message>
        <source>Explain (W)</source>
        <translation>Erklären (W)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Comment text with the words that move its score highlighted</source>
        <translation>Kommentartext mit hervorgehobenen Wörtern, die seinen Wert bewegen</translation>
    </message>
    <message>
        <source>The words that move the score most</source>
        <translation>Die Wörter, die den Wert am meisten bewegen</translation>
    </message>
    <message>
        <source>Press W to see which words move this comment&apos;s score.</source>
        <translation>Drücken Sie W, um zu sehen, welche Wörter den Wert dieses Kommentars bewegen.</translation>
    </message>
    <message>
        <source>Explaining… {done} of {total} variants scored</source>
        <translation>Wird erklärt… {done} von {total} Varianten bewertet</translation>
    </message>
    <message>
        <source>Explaining… (loading the model)</source>
        <translation>Wird erklärt… (das Modell wird geladen)</translation>
    </message>
    <message>
        <source>Red pushes the score up, blue pulls it down. Moves the score most: {words}</source>
        <translation>Rot hebt den Wert, Blau senkt ihn. Am stärksten wirken: {words}</translation>
    </message>
    <message>
        <source>No word of it moves the score.</source>
        <translation>Kein Wort darin bewegt den Wert.</translation>
    </message>
    <message>
        <source>{rule} on “{text}”</source>
        <translation>{rule} bei „{text}“</translation>
    </message>
    <message>
        <source>Rule hits: {hits}</source>
        <translation>Regeltreffer: {hits}</translation>
    </message>
</context>
<context>
    <name>WordLists</name>
    <message>
        <source>Banned words (hide a comment)</source>
        <translation>Verbotene Wörter (blenden einen Kommentar aus)</translation>
    </message>
    <message>
        <source>Suspect words (flag it for review)</source>
        <translation>Verdächtige Wörter (markieren ihn zur Prüfung)</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Textdateien (*.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>a word, a phrase or a prefix* stem</source>
        <translation>Wort, Wendung oder Wortanfang*</translation>
    </message>
    <message>
        <source>Only a lead can change the word lists on this team database; ask yours. Exporting works for everyone.</source>
        <translation>Nur eine Teamleitung kann die Wortlisten dieser Teamdatenbank ändern; fragen Sie Ihre. Exportieren können alle.</translation>
    </message>
    <message>
        <source>Word lists</source>
        <translation>Wortlisten</translation>
    </message>
    <message>
        <source>Search the list</source>
        <translation>Die Liste durchsuchen</translation>
    </message>
    <message>
        <source>Entries of the list</source>
        <translation>Einträge der Liste</translation>
    </message>
    <message>
        <source>New entry: {hint}</source>
        <translation>Neu: {hint}</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove selected</source>
        <translation>Ausgewählte ent&amp;fernen</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Website:</translation>
    </message>
    <message>
        <source>List:</source>
        <translation>Liste:</translation>
    </message>
    <message>
        <source>{entries} matching</source>
        <translation>{entries} passend</translation>
    </message>
    <message>
        <source>There is no site yet: import comments first (word lists belong to a site).</source>
        <translation>Es gibt noch keine Website: Importieren Sie zuerst Kommentare (Wortlisten gehören zu einer Website).</translation>
    </message>
    <message>
        <source>Import a word list</source>
        <translation>Eine Wortliste importieren</translation>
    </message>
    <message>
        <source>Export the word list</source>
        <translation>Die Wortliste exportieren</translation>
    </message>
    <message>
        <source>{entries} written to {file}.</source>
        <translation>{entries} nach {file} geschrieben.</translation>
    </message>
    <message>
        <source>{added} added, {removed} removed.</source>
        <translation>{added} hinzugefügt, {removed} entfernt.</translation>
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
        <translation>Aus&amp;blenden…</translation>
    </message>
    <message>
        <source>Hide this comment, with a reason, and go to the next</source>
        <translation>Diesen Kommentar mit Grund ausblenden und zum nächsten gehen</translation>
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
        <translation>Einen ausgeblendeten oder freigegebenen Kommentar zurück zur Prüfung schicken</translation>
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
        <translation>Aus&amp;geblendet</translation>
    </message>
    <message>
        <source>Show hidden comments</source>
        <translation>Ausgeblendete Kommentare zeigen</translation>
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
        <translation>Auswahl aus&amp;blenden…</translation>
    </message>
    <message>
        <source>Hide every selected comment, with a reason (one undo step)</source>
        <translation>Alle ausgewählten Kommentare mit Grund ausblenden (ein Rückgängig-Schritt)</translation>
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
        <translation>Alle &amp;offenen dieses Kommentators ausblenden…</translation>
    </message>
    <message>
        <source>Hide every pending comment of this comment&apos;s author (one undo step)</source>
        <translation>Alle offenen Kommentare des Autors ausblenden (ein Rückgängig-Schritt)</translation>
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
    <message>
        <source>&amp;Rules…</source>
        <translation>&amp;Regeln…</translation>
    </message>
    <message>
        <source>Which rules act on arriving comments: on or off, flag or hide, thresholds, dry run, revert</source>
        <translation>Welche Regeln auf eingehende Kommentare wirken: an oder aus, markieren oder ausblenden, Schwellenwerte, Probelauf, Zurücknehmen</translation>
    </message>
    <message>
        <source>&amp;Feature / unfeature</source>
        <translation>&amp;Hervorheben / nicht mehr hervorheben</translation>
    </message>
    <message>
        <source>Feature this comment (the site shows it as an editor&apos;s pick); on a featured comment, unfeature it</source>
        <translation>Diesen Kommentar hervorheben (die Website zeigt ihn als Empfehlung der Redaktion); einen hervorgehobenen nicht mehr hervorheben</translation>
    </message>
</context>
<context>
    <name>articles</name>
    <message>
        <source>not yet published</source>
        <translation>noch nicht veröffentlicht</translation>
    </message>
</context>
<context>
    <name>connectors</name>
    <message>
        <source>This computer has no credential store (keyring found no backend), so the app cannot keep the secret safely: it asks for it each session, unless you choose to keep it in a file readable only by you.</source>
        <translation>Dieser Computer hat keinen Anmeldedatenspeicher (keyring fand kein Backend), daher kann die App das Geheimnis nicht sicher aufbewahren: Sie fragt in jeder Sitzung danach, es sei denn, Sie bewahren es in einer Datei auf, die nur Sie lesen können.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>{path}, line {line}</source>
        <translation>{path}, Zeile {line}</translation>
    </message>
    <message>
        <source>{path}, line {line}, column {column}</source>
        <translation>{path}, Zeile {line}, Spalte {column}</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>Datei oder Ordner gibt es nicht</translation>
    </message>
    <message>
        <source>permission denied; choose another place, or ask for access</source>
        <translation>Zugriff verweigert; wählen Sie einen anderen Ort oder bitten Sie um Zugriff</translation>
    </message>
    <message>
        <source>this is a folder; choose a file</source>
        <translation>das ist ein Ordner; wählen Sie eine Datei</translation>
    </message>
    <message>
        <source>a part of this path is not a folder</source>
        <translation>ein Teil dieses Pfads ist kein Ordner</translation>
    </message>
    <message>
        <source>it exists already</source>
        <translation>das gibt es schon</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>der Name ist zu lang</translation>
    </message>
    <message>
        <source>another program is using it; close that program and try again</source>
        <translation>ein anderes Programm benutzt sie; schließen Sie es und versuchen Sie es noch einmal</translation>
    </message>
    <message>
        <source>the disk is full; free some space and try again</source>
        <translation>der Datenträger ist voll; schaffen Sie Platz und versuchen Sie es noch einmal</translation>
    </message>
    <message>
        <source>your disk quota is used up; free some space and try again</source>
        <translation>Ihr Speicherkontingent ist aufgebraucht; schaffen Sie Platz und versuchen Sie es noch einmal</translation>
    </message>
    <message>
        <source>the disk is read-only; choose another place</source>
        <translation>der Datenträger ist schreibgeschützt; wählen Sie einen anderen Ort</translation>
    </message>
    <message>
        <source>the disk could not be read or written (input/output error); check the disk or choose another place</source>
        <translation>der Datenträger ließ sich nicht lesen oder beschreiben (Ein-/Ausgabefehler); prüfen Sie ihn oder wählen Sie einen anderen Ort</translation>
    </message>
    <message>
        <source>The database is busy: another program (or another Comment Moderator) is writing to it. Wait a moment and try again.</source>
        <translation>Die Datenbank ist belegt: Ein anderes Programm (oder ein anderer Comment Moderator) schreibt hinein. Warten Sie einen Moment und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>The disk holding the database is full; free some space and try again.</source>
        <translation>Der Datenträger der Datenbank ist voll; schaffen Sie Platz und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>The disk holding the database could not be read or written; check the disk and try again.</source>
        <translation>Der Datenträger der Datenbank ließ sich nicht lesen oder beschreiben; prüfen Sie ihn und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>The database file is read-only; check its permissions.</source>
        <translation>Die Datenbankdatei ist schreibgeschützt; prüfen Sie ihre Berechtigungen.</translation>
    </message>
    <message>
        <source>The database file could not be opened; check that its folder exists and that you may write there.</source>
        <translation>Die Datenbankdatei ließ sich nicht öffnen; prüfen Sie, ob ihr Ordner existiert und Sie dort schreiben dürfen.</translation>
    </message>
    <message>
        <source>The database file is not a Comment Moderator database, or it is damaged; restore it from a backup (moderator restore).</source>
        <translation>Die Datenbankdatei ist keine Datenbank von Comment Moderator oder sie ist beschädigt; stellen Sie sie aus einer Sicherung wieder her (moderator restore).</translation>
    </message>
    <message>
        <source>The team database cannot be reached ({}); check the address in --db, the network, and that the server runs (docs/team.md).</source>
        <translation>Die Team-Datenbank ist nicht erreichbar ({}); prüfen Sie die Adresse in --db, das Netzwerk und ob der Server läuft (docs/team.md).</translation>
    </message>
    <message>
        <source>The team database refused the login ({}); check the user name and the password (the credential store or ~/.pgpass: docs/team.md).</source>
        <translation>Die Team-Datenbank hat die Anmeldung abgelehnt ({}); prüfen Sie Benutzername und Passwort (Anmeldedatenspeicher oder ~/.pgpass: docs/team.md).</translation>
    </message>
    <message>
        <source>Your database role may not do this ({}); ask whoever runs the team database.</source>
        <translation>Ihre Datenbankrolle darf das nicht ({}); fragen Sie, wer die Team-Datenbank betreut.</translation>
    </message>
    <message>
        <source>The team database server is out of resources ({}); ask whoever runs it.</source>
        <translation>Dem Server der Team-Datenbank gehen die Ressourcen aus ({}); fragen Sie, wer ihn betreut.</translation>
    </message>
    <message>
        <source>The team database cannot store a value given to it ({}); nothing was changed.</source>
        <translation>Die Team-Datenbank kann einen übergebenen Wert nicht speichern ({}); nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The database address is not one this app can open ({error}); use e.g. sqlite:////path/to/moderator.sqlite.</source>
        <translation>Diese Datenbankadresse kann die App nicht öffnen ({error}); verwenden Sie z. B. sqlite:////pfad/zu/moderator.sqlite.</translation>
    </message>
    <message>
        <source>, seen at {time}</source>
        <translation>, gesehen um {time}</translation>
    </message>
    <message>
        <source>you</source>
        <translation>Ihnen</translation>
    </message>
    <message>
        <source> at {time}</source>
        <translation> um {time}</translation>
    </message>
    <message>
        <source>made it {status}</source>
        <translation>auf „{status}“ gesetzt</translation>
    </message>
    <message>
        <source>On the site it is now {site}{found}; here {by} {did}{at}.</source>
        <translation>Auf der Website ist er jetzt {site}{found}; hier {did} von {by}{at}.</translation>
    </message>
    <message>
        <source>approved it</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>hid it</source>
        <translation>ausgeblendet</translation>
    </message>
    <message>
        <source>sent it back to review</source>
        <translation>zurück zur Prüfung geschickt</translation>
    </message>
    <message>
        <source>removed it</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>There is no outbox item {id}.</source>
        <translation>Es gibt keinen Postausgangseintrag {id}.</translation>
    </message>
    <message>
        <source>Outbox item {id} is {state}, not held; nothing was changed.</source>
        <translation>Postausgangseintrag {id} ist {state}, nicht zurückgehalten; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>There is no article with id {id}.</source>
        <translation>Es gibt keinen Artikel mit der Nummer {id}.</translation>
    </message>
    <message>
        <source>{moderator} has no decision left to undo.</source>
        <translation>{moderator} hat keine Entscheidung mehr, die sich rückgängig machen ließe.</translation>
    </message>
    <message>
        <source> (and {count} more)</source>
        <translation> (und {count} weitere)</translation>
    </message>
    <message>
        <source>There is no comment with id {id}{others}.</source>
        <translation>Es gibt keinen Kommentar mit der Nummer {id}{others}.</translation>
    </message>
    <message>
        <source>Comment {id}{others} was not {expected} (it is now {now}); nothing was changed: look again before deciding.</source>
        <translation>Kommentar {id}{others} war nicht {expected} (jetzt: {now}); nichts wurde geändert: Sehen Sie ihn sich noch einmal an, bevor Sie entscheiden.</translation>
    </message>
    <message>
        <source>Comment {id}{others} was changed meanwhile (it is now {now}); nothing was changed: look again before deciding.</source>
        <translation>Kommentar {id}{others} wurde inzwischen geändert (jetzt: {now}); nichts wurde geändert: Sehen Sie ihn sich noch einmal an, bevor Sie entscheiden.</translation>
    </message>
    <message>
        <source>{who_did_what} (comment {id}{others}); nothing was changed: look again before deciding.</source>
        <translation>{who_did_what} (Kommentar {id}{others}); nichts wurde geändert: Sehen Sie ihn sich noch einmal an, bevor Sie entscheiden.</translation>
    </message>
    <message>
        <source>{moderator} approved this at {time}</source>
        <translation>{moderator} hat ihn um {time} freigegeben</translation>
    </message>
    <message>
        <source>{moderator} hid this at {time}</source>
        <translation>{moderator} hat ihn um {time} ausgeblendet</translation>
    </message>
    <message>
        <source>{moderator} sent this back to review at {time}</source>
        <translation>{moderator} hat ihn um {time} zurück zur Prüfung geschickt</translation>
    </message>
    <message>
        <source>{moderator} removed this at {time}</source>
        <translation>{moderator} hat ihn um {time} entfernt</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>ausgeblendet</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>{moderator} made this {status} at {time}</source>
        <translation>{moderator} hat ihn um {time} auf „{status}“ gesetzt</translation>
    </message>
    <message>
        <source>A reply needs some text.</source>
        <translation>Eine Antwort braucht Text.</translation>
    </message>
    <message>
        <source>Decision {id} was already reversed by decision {later}; nothing was changed.</source>
        <translation>Entscheidung {id} wurde schon durch Entscheidung {later} zurückgenommen; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>{who_did_what} (comment {id}, after decision {decision}); nothing was undone.</source>
        <translation>{who_did_what} (Kommentar {id}, nach Entscheidung {decision}); nichts wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Comment {id} is now {state}, changed after decision {decision}; nothing was undone.</source>
        <translation>Kommentar {id} ist jetzt {state}, geändert nach Entscheidung {decision}; nichts wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source> and others</source>
        <translation> und weitere</translation>
    </message>
    <message>
        <source>{count} of these comments changed since (comment {ids}): {who_did_what}; nothing was changed.</source>
        <translation>{count} dieser Kommentare haben sich seitdem geändert (Kommentar {ids}): {who_did_what}; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>{count} of these comments changed since (comment {ids}); nothing was changed.</source>
        <translation>{count} dieser Kommentare wurden seitdem geändert (Kommentar {ids}); nichts wurde geändert.</translation>
    </message>
    <message>
        <source>{count} of these comments changed while this decision was being written; nothing was changed: look again before deciding.</source>
        <translation>{count} dieser Kommentare wurden geändert, während diese Entscheidung gespeichert wurde; nichts wurde geändert: Sehen Sie sie sich noch einmal an, bevor Sie entscheiden.</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>vertrauenswürdig</translation>
    </message>
    <message>
        <source>banned</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>{name} is {standing} already; nothing was changed.</source>
        <translation>{name} ist schon {standing}; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>{name} is {standing}, not {expected}; nothing was changed.</source>
        <translation>{name} ist {standing}, nicht {expected}; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>There is no comment with id {id}.</source>
        <translation>Es gibt keinen Kommentar mit der Nummer {id}.</translation>
    </message>
    <message>
        <source>There is no decision with id {id}.</source>
        <translation>Es gibt keine Entscheidung mit der Nummer {id}.</translation>
    </message>
    <message>
        <source>XML that is neither a WordPress WXR nor a Disqus export</source>
        <translation>XML, das weder ein WordPress-WXR- noch ein Disqus-Export ist</translation>
    </message>
    <message>
        <source>text that is none of the formats: not CSV with a comment_id and a body column, nor an article page (a headline, its paragraphs, then &apos;Read next&apos; and timed items)</source>
        <translation>Text in keinem der Formate: weder CSV mit den Spalten comment_id und body noch eine Artikelseite (eine Überschrift, ihre Absätze, dann „Read next“ und Einträge mit Uhrzeit)</translation>
    </message>
    <message>
        <source>a JSON array with nothing in it: there is nothing to import</source>
        <translation>ein leeres JSON-Array: Es gibt nichts zu importieren</translation>
    </message>
    <message>
        <source>a JSON array whose first item is not an Isso thread (an object with &apos;id&apos; and &apos;comments&apos;)</source>
        <translation>ein JSON-Array, dessen erster Eintrag kein Isso-Thread ist (ein Objekt mit &apos;id&apos; und &apos;comments&apos;)</translation>
    </message>
    <message>
        <source>JSON whose first object is none of the formats: no comment_id and body (JSON Lines), no comments (Commento), no locator (Remark42), no decision_id and action (decisions)</source>
        <translation>JSON, dessen erstes Objekt zu keinem Format passt: kein comment_id und body (JSON Lines), kein comments (Commento), kein locator (Remark42), kein decision_id und action (Entscheidungen)</translation>
    </message>
    <message>
        <source>more than {most} commenters; refused</source>
        <translation>mehr als {most} Kommentatoren; abgelehnt</translation>
    </message>
    <message>
        <source>the comment&apos;s text is longer than {most:,} characters; refused</source>
        <translation>der Text des Kommentars ist länger als {most:,} Zeichen; abgelehnt</translation>
    </message>
    <message>
        <source>time {value} is not an ISO 8601 time</source>
        <translation>die Zeit {value} ist keine ISO-8601-Zeitangabe</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is missing; is this a decisions file?</source>
        <translation>&apos;{key}&apos; fehlt; ist das eine Entscheidungsdatei?</translation>
    </message>
    <message>
        <source>action {action} is not a moderator&apos;s action ({known}); nothing was applied</source>
        <translation>die Aktion {action} ist keine Aktion einer Moderation ({known}); nichts wurde übernommen</translation>
    </message>
    <message>
        <source>status_after {status} is not what &apos;{action}&apos; leaves a comment in ({known}); nothing was applied</source>
        <translation>status_after {status} ist nicht der Zustand, in dem &apos;{action}&apos; einen Kommentar lässt ({known}); nichts wurde übernommen</translation>
    </message>
    <message>
        <source>&apos;reply_text&apos; is not text</source>
        <translation>&apos;reply_text&apos; ist kein Text</translation>
    </message>
    <message>
        <source>&apos;reply_text&apos; is longer than {most:,} characters; refused</source>
        <translation>&apos;reply_text&apos; ist länger als {most:,} Zeichen; abgelehnt</translation>
    </message>
    <message>
        <source>post {id}: its message is longer than {most:,} characters; refused</source>
        <translation>Beitrag {id}: sein Text ist länger als {most:,} Zeichen; abgelehnt</translation>
    </message>
    <message>
        <source>CSV error: {error}</source>
        <translation>CSV-Fehler: {error}</translation>
    </message>
    <message>
        <source>not UTF-8 text (byte {byte})</source>
        <translation>kein UTF-8-Text (Byte {byte})</translation>
    </message>
    <message>
        <source>the comment has no id</source>
        <translation>der Kommentar hat keine ID</translation>
    </message>
    <message>
        <source>the comment has an id longer than {most} characters</source>
        <translation>die ID des Kommentars ist länger als {most} Zeichen</translation>
    </message>
    <message>
        <source>&apos;body&apos; is missing or not text</source>
        <translation>&apos;body&apos; fehlt oder ist kein Text</translation>
    </message>
    <message>
        <source>&apos;body&apos; is longer than {most:,} characters; refused</source>
        <translation>&apos;body&apos; ist länger als {most:,} Zeichen; abgelehnt</translation>
    </message>
    <message>
        <source>the article id is longer than {most} characters</source>
        <translation>die ID des Artikels ist länger als {most} Zeichen</translation>
    </message>
    <message>
        <source>status {status} is not one of {known}</source>
        <translation>der Status {status} ist keiner von {known}</translation>
    </message>
    <message>
        <source>created_at {value} is not an ISO 8601 time</source>
        <translation>created_at {value} ist keine ISO-8601-Zeitangabe</translation>
    </message>
    <message>
        <source>this thread&apos;s &apos;comments&apos; is {kind} where an array belongs</source>
        <translation>&apos;comments&apos; dieses Threads ist {kind}, wo ein Array stehen muss</translation>
    </message>
    <message>
        <source>comment {id}: &apos;text&apos; is longer than {most:,} characters; refused</source>
        <translation>Kommentar {id}: &apos;text&apos; ist länger als {most:,} Zeichen; abgelehnt</translation>
    </message>
    <message>
        <source>&apos;{where}&apos; holds a lone surrogate (\ud800–\udfff), which is not a character</source>
        <translation>&apos;{where}&apos; enthält ein einzelnes Surrogat (\ud800–\udfff), das kein Zeichen ist</translation>
    </message>
    <message>
        <source>arrays and objects nest deeper than JSON&apos;s reader follows (some 1,000 levels); refused</source>
        <translation>Arrays und Objekte sind tiefer verschachtelt, als der JSON-Leser folgt (etwa 1.000 Ebenen); abgelehnt</translation>
    </message>
    <message>
        <source>its values would take more than {size} of memory once read; refused</source>
        <translation>seine Werte würden gelesen mehr als {size} Speicher belegen; abgelehnt</translation>
    </message>
    <message>
        <source>not valid JSON ({why})</source>
        <translation>kein gültiges JSON ({why})</translation>
    </message>
    <message>
        <source>not UTF-8 text ({reason})</source>
        <translation>kein UTF-8-Text ({reason})</translation>
    </message>
    <message>
        <source>one item is longer than {most:,} characters; refused</source>
        <translation>ein Eintrag ist länger als {most:,} Zeichen; abgelehnt</translation>
    </message>
    <message>
        <source>unexpected text after the JSON document</source>
        <translation>unerwarteter Text nach dem JSON-Dokument</translation>
    </message>
    <message>
        <source>the line is longer than {size}; refused</source>
        <translation>die Zeile ist länger als {size}; abgelehnt</translation>
    </message>
    <message>
        <source>each line must be a JSON object</source>
        <translation>jede Zeile muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is {kind} where text belongs</source>
        <translation>&apos;{key}&apos; ist {kind}, wo Text stehen muss</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is {kind} where an object belongs</source>
        <translation>&apos;{key}&apos; ist {kind}, wo ein Objekt stehen muss</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>the compressed data expands more than {most} times its size; refused as a compression bomb</source>
        <translation>die komprimierten Daten wachsen auf mehr als das {most}-Fache ihrer Größe; als Kompressionsbombe abgelehnt</translation>
    </message>
    <message>
        <source>the compressed data is damaged ({error})</source>
        <translation>die komprimierten Daten sind beschädigt ({error})</translation>
    </message>
    <message>
        <source>&apos;text&apos; is longer than {most:,} characters; refused</source>
        <translation>&apos;text&apos; ist länger als {most:,} Zeichen; abgelehnt</translation>
    </message>
    <message>
        <source>the page is empty; expected a headline on the first line</source>
        <translation>die Seite ist leer; erwartet wird eine Überschrift in der ersten Zeile</translation>
    </message>
    <message>
        <source>expected the article&apos;s headline, found a time</source>
        <translation>erwartet wird die Überschrift des Artikels, gefunden wurde eine Uhrzeit</translation>
    </message>
    <message>
        <source>a &apos;Read next&apos; item must start with its time, e.g. 22:30</source>
        <translation>ein Eintrag unter „Read next“ muss mit seiner Uhrzeit beginnen, z. B. 22:30</translation>
    </message>
    <message>
        <source>&apos;{time}&apos; is not a time of day (00:00 to 23:59)</source>
        <translation>&apos;{time}&apos; ist keine Uhrzeit (00:00 bis 23:59)</translation>
    </message>
    <message>
        <source>this &apos;Read next&apos; item has a time but no summary</source>
        <translation>dieser Eintrag unter „Read next“ hat eine Uhrzeit, aber keine Zusammenfassung</translation>
    </message>
    <message>
        <source>a &apos;Read next&apos; item has a time, a section and one summary line</source>
        <translation>ein Eintrag unter „Read next“ hat eine Uhrzeit, ein Ressort und eine Zeile Zusammenfassung</translation>
    </message>
    <message>
        <source>comment {id}: its text is longer than {most:,} characters; refused</source>
        <translation>Kommentar {id}: sein Text ist länger als {most:,} Zeichen; abgelehnt</translation>
    </message>
    <message>
        <source>the file declares the entity &apos;{name}&apos;; entity declarations are refused, since they can blow a small file up to gigabytes or read files from this computer</source>
        <translation>die Datei deklariert die Entität &apos;{name}&apos;; Entitätsdeklarationen werden abgelehnt, da sie eine kleine Datei auf Gigabytes aufblähen oder Dateien dieses Computers lesen können</translation>
    </message>
    <message>
        <source>the file refers to an external document; it is refused and nothing is fetched</source>
        <translation>die Datei verweist auf ein externes Dokument; sie wird abgelehnt und nichts wird abgerufen</translation>
    </message>
    <message>
        <source>refused as unsafe XML ({error})</source>
        <translation>als unsicheres XML abgelehnt ({error})</translation>
    </message>
    <message>
        <source>a single field is larger than {most}; refused</source>
        <translation>ein einzelnes Feld ist größer als {most}; abgelehnt</translation>
    </message>
    <message>
        <source>elements nest more than {most} levels deep; refused</source>
        <translation>Elemente sind tiefer als {most} Ebenen verschachtelt; abgelehnt</translation>
    </message>
    <message>
        <source>one record holds more than {most} elements; refused</source>
        <translation>ein Datensatz enthält mehr als {most} Elemente; abgelehnt</translation>
    </message>
    <message>
        <source>one record holds more than {most:,} characters of text; refused</source>
        <translation>ein Datensatz enthält mehr als {most:,} Zeichen Text; abgelehnt</translation>
    </message>
    <message>
        <source>XML error: {reason}</source>
        <translation>XML-Fehler: {reason}</translation>
    </message>
    <message>
        <source>status_after &apos;removed&apos; withdraws a staff reply, but comment {id} is a reader&apos;s comment here; nothing was applied</source>
        <translation>status_after &apos;removed&apos; zieht eine Antwort der Redaktion zurück, aber Kommentar {id} ist hier ein Leserkommentar; nichts wurde übernommen</translation>
    </message>
    <message>
        <source>comment {id} was removed here; a decisions file does not bring it back</source>
        <translation>Kommentar {id} wurde hier entfernt; eine Entscheidungsdatei holt ihn nicht zurück</translation>
    </message>
    <message>
        <source>an article page&apos;s text is at most {most}; this file is larger</source>
        <translation>der Text einer Artikelseite ist höchstens {most} groß; diese Datei ist größer</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>Datei gibt es nicht</translation>
    </message>
    <message>
        <source>the file is empty; there is nothing to import</source>
        <translation>die Datei ist leer; es gibt nichts zu importieren</translation>
    </message>
    <message>
        <source>{what}; nothing was imported</source>
        <translation>{what}; nichts wurde importiert</translation>
    </message>
    <message>
        <source>unknown format &apos;{name}&apos;; known: {known}</source>
        <translation>unbekanntes Format &apos;{name}&apos;; bekannt sind: {known}</translation>
    </message>
    <message>
        <source>a decisions file is at most {most}; this one is larger</source>
        <translation>eine Entscheidungsdatei ist höchstens {most} groß; diese ist größer</translation>
    </message>
    <message>
        <source>&apos;{url}&apos; is not a web address; give the site&apos;s address, e.g. https://news.example.com.</source>
        <translation>&apos;{url}&apos; ist keine Webadresse; geben Sie die Adresse der Website an, z. B. https://news.example.com.</translation>
    </message>
    <message>
        <source>{url} uses plain HTTP, which would send the password in clear; use https:// (plain HTTP is only allowed to this machine itself).</source>
        <translation>{url} verwendet unverschlüsseltes HTTP, das Passwort ginge im Klartext über das Netz; verwenden Sie https:// (unverschlüsseltes HTTP ist nur zu diesem Rechner selbst erlaubt).</translation>
    </message>
    <message>
        <source>{host} did not answer ({plain}); the app will try again.</source>
        <translation>{host} hat nicht geantwortet ({plain}); die App versucht es erneut.</translation>
    </message>
    <message>
        <source>{host} refused the user name or password ({said}); check them.</source>
        <translation>{host} hat Benutzername oder Passwort abgelehnt ({said}); prüfen Sie beide.</translation>
    </message>
    <message>
        <source>{host} says this user may not do that ({said}); the user needs the Editor role (or a role that may moderate comments).</source>
        <translation>{host} meldet, dass dieser Benutzer das nicht darf ({said}); er braucht die Rolle Redakteur (oder eine Rolle, die Kommentare moderieren darf).</translation>
    </message>
    <message>
        <source>{host} is not answering properly (HTTP {code}); the app will try again.</source>
        <translation>{host} antwortet nicht richtig (HTTP {code}); die App versucht es erneut.</translation>
    </message>
    <message>
        <source>{host} sent the request elsewhere ({message}); give the site&apos;s own address.</source>
        <translation>{host} hat die Anfrage umgeleitet ({message}); geben Sie die eigene Adresse der Website an.</translation>
    </message>
    <message>
        <source>{what} answered with something that is not JSON (HTTP {status_code}); is this the right address?</source>
        <translation>{what} hat mit etwas geantwortet, das kein JSON ist (HTTP {status_code}); ist das die richtige Adresse?</translation>
    </message>
    <message>
        <source>&apos;{kind}&apos; is not a kind of site the app connects to; use one of: {known}.</source>
        <translation>&apos;{kind}&apos; ist keine Art von Website, mit der sich die App verbindet; verwenden Sie eine von: {known}.</translation>
    </message>
    <message>
        <source>A secret is kept in one of: {known}; not &apos;{secret_kept}&apos;.</source>
        <translation>Ein Geheimnis wird an einem dieser Orte aufbewahrt: {known}; nicht &apos;{secret_kept}&apos;.</translation>
    </message>
    <message>
        <source>{site_key} is connected already; remove that connection first to connect it again.</source>
        <translation>{site_key} ist schon verbunden; entfernen Sie zuerst diese Verbindung, um sie neu zu verbinden.</translation>
    </message>
    <message>
        <source>There is no connection &apos;{key_or_id}&apos;; `moderator sites list` shows them.</source>
        <translation>Es gibt keine Verbindung &apos;{key_or_id}&apos;; `moderator sites list` zeigt sie.</translation>
    </message>
    <message>
        <source>There is no connection {connection_id}.</source>
        <translation>Es gibt keine Verbindung {connection_id}.</translation>
    </message>
    <message>
        <source>{url} did not answer the admin login as Isso does (HTTP {status_code}).</source>
        <translation>{url} hat auf die Admin-Anmeldung nicht wie Isso geantwortet (HTTP {status_code}).</translation>
    </message>
    <message>
        <source>{url}: Isso&apos;s admin interface is turned off ([admin] enabled = true).</source>
        <translation>{url}: Die Admin-Oberfläche von Isso ist ausgeschaltet ([admin] enabled = true).</translation>
    </message>
    <message>
        <source>{url} refused the admin password; check it (Isso&apos;s [admin] password).</source>
        <translation>{url} hat das Admin-Passwort abgelehnt; prüfen Sie es (Isso: [admin] password).</translation>
    </message>
    <message>
        <source>{url} did not keep the admin signed in; check the admin password.</source>
        <translation>{url} hat die Admin-Anmeldung nicht gehalten; prüfen Sie das Admin-Passwort.</translation>
    </message>
    <message>
        <source>{url} does not look like an Isso server (no /config there).</source>
        <translation>{url} sieht nicht wie ein Isso-Server aus (dort gibt es kein /config).</translation>
    </message>
    <message>
        <source>Comment {external_id} is no longer on {url}.</source>
        <translation>Kommentar {external_id} ist nicht mehr auf {url}.</translation>
    </message>
    <message>
        <source>{url} refused to {action} comment {external_id} (HTTP {status_code}).</source>
        <translation>{url} hat „{action}“ für Kommentar {external_id} abgelehnt (HTTP {status_code}).</translation>
    </message>
    <message>
        <source>{url} refused the reply (HTTP {status_code}: {text}).</source>
        <translation>{url} hat die Antwort abgelehnt (HTTP {status_code}: {text}).</translation>
    </message>
    <message>
        <source>{file}: the secrets file could not be read ({error}); remove it and enter the secrets again.</source>
        <translation>{file}: Die Datei mit den Geheimnissen ließ sich nicht lesen ({error}); entfernen Sie sie und geben Sie die Geheimnisse neu ein.</translation>
    </message>
    <message>
        <source>{url} does not look like a WordPress site (no REST API there).</source>
        <translation>{url} sieht nicht wie eine WordPress-Website aus (dort gibt es keine REST-API).</translation>
    </message>
    <message>
        <source>{url}: WordPress&apos;s REST API (wp/v2) is turned off on this site.</source>
        <translation>{url}: Die REST-API von WordPress (wp/v2) ist auf dieser Website ausgeschaltet.</translation>
    </message>
    <message>
        <source>{url} did not sign the user in ({message}); check the user name and the Application Password.</source>
        <translation>{url} hat den Benutzer nicht angemeldet ({message}); prüfen Sie Benutzername und Anwendungspasswort.</translation>
    </message>
    <message>
        <source>{username} may not moderate comments on {url} (role: {roles}); give the user the Editor role.</source>
        <translation>{username} darf auf {url} keine Kommentare moderieren (Rolle: {roles}); geben Sie dem Benutzer die Rolle Redakteur.</translation>
    </message>
    <message>
        <source>{url} refused to list comments ({message}).</source>
        <translation>{url} hat die Liste der Kommentare verweigert ({message}).</translation>
    </message>
    <message>
        <source>{url} refused to change comment {external_id} ({message}).</source>
        <translation>{url} hat die Änderung von Kommentar {external_id} abgelehnt ({message}).</translation>
    </message>
    <message>
        <source>{url} says this reply is there already ({message}).</source>
        <translation>{url} meldet, dass diese Antwort schon da ist ({message}).</translation>
    </message>
    <message>
        <source>{url} refused the reply ({message}).</source>
        <translation>{url} hat die Antwort abgelehnt ({message}).</translation>
    </message>
    <message>
        <source>There is no commenter called &apos;{name}&apos; on this site (an author&apos;s exact name or e-mail).</source>
        <translation>Auf dieser Website gibt es keinen Kommentator namens &apos;{name}&apos; (der genaue Name oder die E-Mail-Adresse eines Autors).</translation>
    </message>
    <message>
        <source>There is no rule &apos;{key}&apos; for site &apos;{site}&apos;; `moderator rules list` shows them.</source>
        <translation>Es gibt keine Regel &apos;{key}&apos; für die Website &apos;{site}&apos;; `moderator rules list` zeigt sie.</translation>
    </message>
    <message>
        <source>There is no rule &apos;{key}&apos;; `moderator rules list` shows them.</source>
        <translation>Es gibt keine Regel &apos;{key}&apos;; `moderator rules list` zeigt sie.</translation>
    </message>
    <message>
        <source>A rule &apos;{key}&apos; exists already for site {site}.</source>
        <translation>Eine Regel &apos;{key}&apos; gibt es für die Website {site} schon.</translation>
    </message>
    <message>
        <source>A rule &apos;{key}&apos; exists already.</source>
        <translation>Eine Regel &apos;{key}&apos; gibt es schon.</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is a built-in rule: disable it instead (`moderator rules disable {key}`).</source>
        <translation>&apos;{key}&apos; ist eine eingebaute Regel: Schalten Sie sie stattdessen aus (`moderator rules disable {key}`).</translation>
    </message>
    <message>
        <source>A threshold is hide, flag or approve; &apos;{unknown}&apos; is not.</source>
        <translation>Eine Schwelle ist hide, flag oder approve; &apos;{unknown}&apos; ist keine.</translation>
    </message>
    <message>
        <source>The {name} threshold for {model}, {label} must be between 0 and 1; {value} is not.</source>
        <translation>Die Schwelle {name} für {model}, {label} muss zwischen 0 und 1 liegen; {value} tut das nicht.</translation>
    </message>
    <message>
        <source>Pre-moderation is pre or post (or, for an article, site); &apos;{setting}&apos; is not.</source>
        <translation>Vorabmoderation ist pre oder post (bei einem Artikel auch site); &apos;{setting}&apos; ist nichts davon.</translation>
    </message>
    <message>
        <source>There is no article with id {article_id}.</source>
        <translation>Es gibt keinen Artikel mit der Nummer {article_id}.</translation>
    </message>
    <message>
        <source>There is no site yet; import comments first.</source>
        <translation>Es gibt noch keine Website; importieren Sie zuerst Kommentare.</translation>
    </message>
    <message>
        <source>Only a links rule takes a number of links; &apos;{kind}&apos; does not.</source>
        <translation>Nur eine Link-Regel nimmt eine Anzahl Links; &apos;{kind}&apos; nicht.</translation>
    </message>
    <message>
        <source>A links rule&apos;s number of links must be 0 or more; {most} is not.</source>
        <translation>Die Anzahl Links einer Link-Regel muss 0 oder mehr sein; {most} ist es nicht.</translation>
    </message>
    <message>
        <source>A rule&apos;s key is 1 to 40 lower-case letters, digits, &apos;_&apos; or &apos;-&apos;; &apos;{key}&apos; is not.</source>
        <translation>Der Schlüssel einer Regel besteht aus 1 bis 40 Kleinbuchstaben, Ziffern, &apos;_&apos; oder &apos;-&apos;; &apos;{key}&apos; nicht.</translation>
    </message>
    <message>
        <source>There is no site &apos;{site_key}&apos;.</source>
        <translation>Es gibt keine Website &apos;{site_key}&apos;.</translation>
    </message>
    <message>
        <source>the entry is empty</source>
        <translation>der Eintrag ist leer</translation>
    </message>
    <message>
        <source>the entry is {count:,} characters long; an entry has at most {max_entry_chars}</source>
        <translation>der Eintrag ist {count:,} Zeichen lang; ein Eintrag hat höchstens {max_entry_chars}</translation>
    </message>
    <message>
        <source>&apos;{short}&apos; has a &apos;*&apos; that is not its one last character (only prefix* stems are allowed)</source>
        <translation>&apos;{short}&apos; hat ein &apos;*&apos;, das nicht sein einziges letztes Zeichen ist (erlaubt sind nur Wortstämme wie präfix*)</translation>
    </message>
    <message>
        <source>&apos;{short}&apos; has no letters or digits to match</source>
        <translation>&apos;{short}&apos; hat keine Buchstaben oder Ziffern, die passen könnten</translation>
    </message>
    <message>
        <source>There is no word list &apos;{name}&apos;; the lists are {known}.</source>
        <translation>Es gibt keine Wortliste &apos;{name}&apos;; die Listen sind {known}.</translation>
    </message>
    <message>
        <source>There is no site &apos;{key}&apos;; `moderator sites list` or an import names the sites.</source>
        <translation>Es gibt keine Website &apos;{key}&apos;; `moderator sites list` oder ein Import nennt die Websites.</translation>
    </message>
    <message>
        <source>There is no site yet; import comments first (word lists belong to a site).</source>
        <translation>Es gibt noch keine Website; importieren Sie zuerst Kommentare (Wortlisten gehören zu einer Website).</translation>
    </message>
    <message>
        <source>This database has several sites; name one with --site ({known}).</source>
        <translation>Diese Datenbank hat mehrere Websites; nennen Sie eine mit --site ({known}).</translation>
    </message>
    <message>
        <source>Not added: {why}.</source>
        <translation>Nicht hinzugefügt: {why}.</translation>
    </message>
    <message>
        <source>&apos;{short}&apos; is not on the {name} list; nothing was removed.</source>
        <translation>&apos;{short}&apos; steht nicht auf der Liste {name}; nichts wurde entfernt.</translation>
    </message>
    <message>
        <source>The {name} list would hold {total:,} entries; a list holds at most {max_entries:,}.</source>
        <translation>Die Liste {name} hätte {total:,} Einträge; eine Liste hat höchstens {max_entries:,}.</translation>
    </message>
    <message>
        <source>more than {max_entries:,} entries; a list holds at most {max_entries:,}</source>
        <translation>mehr als {max_entries:,} Einträge; eine Liste hat höchstens {max_entries:,}</translation>
    </message>
    <message>
        <source>the line is longer than {max_entry_chars} characters (an entry is a word, a phrase or a stem)</source>
        <translation>die Zeile ist länger als {max_entry_chars} Zeichen (ein Eintrag ist ein Wort, eine Wendung oder ein Wortstamm)</translation>
    </message>
    <message>
        <source>not UTF-8 text (byte {byte} of the line); save the file as UTF-8</source>
        <translation>kein UTF-8-Text (Byte {byte} der Zeile); speichern Sie die Datei als UTF-8</translation>
    </message>
    <message>
        <source>{name} is not a detoxify checkpoint (it lacks detoxify&apos;s training config or its weights).</source>
        <translation>{name} ist kein detoxify-Checkpoint (ihm fehlen detoxifys Trainingskonfiguration oder seine Gewichte).</translation>
    </message>
    <message>
        <source>{name} uses {model_name}, which this app cannot load; use a detoxify release.</source>
        <translation>{name} verwendet {model_name}, das diese App nicht laden kann; verwenden Sie eine detoxify-Veröffentlichung.</translation>
    </message>
    <message>
        <source>{name} could not be read as a checkpoint ({kind}).</source>
        <translation>{name} ließ sich nicht als Checkpoint lesen ({kind}).</translation>
    </message>
    <message>
        <source>{name} needs Python code to load, not only weights, and such a file can run anything; it is refused: use a detoxify release or a pack built from one.</source>
        <translation>{name} braucht zum Laden Python-Code, nicht nur Gewichte, und eine solche Datei kann alles ausführen; sie wird abgelehnt: Verwenden Sie eine detoxify-Veröffentlichung oder ein daraus gebautes Paket.</translation>
    </message>
    <message>
        <source>{name} is not a detoxify checkpoint (it holds no training config).</source>
        <translation>{name} ist kein detoxify-Checkpoint (er enthält keine Trainingskonfiguration).</translation>
    </message>
    <message>
        <source>The download of {file_name} is damaged (its sha256 does not match); try again.</source>
        <translation>Der Download von {file_name} ist beschädigt (sein sha256 stimmt nicht); versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>{host} cannot be reached (no network?); install a model pack from a file instead (moderator models install PACK.zip).</source>
        <translation>{host} ist nicht erreichbar (kein Netzwerk?); installieren Sie stattdessen ein Modellpaket aus einer Datei (moderator models install PAKET.zip).</translation>
    </message>
    <message>
        <source>Downloading {url} failed ({reason}); check the network or install a model pack from a file.</source>
        <translation>Der Download von {url} ist fehlgeschlagen ({reason}); prüfen Sie das Netzwerk oder installieren Sie ein Modellpaket aus einer Datei.</translation>
    </message>
    <message>
        <source>There is no detoxify release named &apos;{name}&apos;; choose one of: {known}.</source>
        <translation>Es gibt keine detoxify-Veröffentlichung namens &apos;{name}&apos;; wählen Sie eine von: {known}.</translation>
    </message>
    <message>
        <source>The manifest&apos;s {what} &apos;{name}&apos; is not a plain file name; get the pack again.</source>
        <translation>{what} &apos;{name}&apos; im Manifest ist kein einfacher Dateiname; holen Sie das Paket noch einmal.</translation>
    </message>
    <message>
        <source>The manifest of {source} lists &apos;{relative}&apos;, which is no part of a model pack; nothing was installed.</source>
        <translation>Das Manifest von {source} nennt &apos;{relative}&apos;, das nicht zu einem Modellpaket gehört; nichts wurde installiert.</translation>
    </message>
    <message>
        <source>{source} lacks {relative}, which its manifest lists; get the pack again.</source>
        <translation>{source} fehlt {relative}, das sein Manifest nennt; holen Sie das Paket noch einmal.</translation>
    </message>
    <message>
        <source>{relative} in {source} does not match its sha256 (a damaged or altered copy); get the pack again.</source>
        <translation>{relative} in {source} passt nicht zu seinem sha256 (eine beschädigte oder veränderte Kopie); holen Sie das Paket noch einmal.</translation>
    </message>
    <message>
        <source>{source} holds &apos;{filename}&apos;, which is no part of a model pack; nothing was installed.</source>
        <translation>{source} enthält &apos;{filename}&apos;, das nicht zu einem Modellpaket gehört; nichts wurde installiert.</translation>
    </message>
    <message>
        <source>{source} is not a model pack (it has no {manifest}).</source>
        <translation>{source} ist kein Modellpaket (es hat kein {manifest}).</translation>
    </message>
    <message>
        <source>{source} holds &apos;{name}&apos;, a path that would reach outside the pack&apos;s folder; nothing was installed.</source>
        <translation>{source} enthält &apos;{name}&apos;, einen Pfad, der aus dem Ordner des Pakets hinausführen würde; nichts wurde installiert.</translation>
    </message>
    <message>
        <source>{folder} is not a model pack (it has no {manifest}).</source>
        <translation>{folder} ist kein Modellpaket (es hat kein {manifest}).</translation>
    </message>
    <message>
        <source>{where} is damaged or from a newer app version; get the pack again.</source>
        <translation>{where} ist beschädigt oder stammt von einer neueren Version der App; holen Sie das Paket noch einmal.</translation>
    </message>
    <message>
        <source>{where} is from a newer app version (pack format {format}); update the app.</source>
        <translation>{where} stammt von einer neueren Version der App (Paketformat {format}); aktualisieren Sie die App.</translation>
    </message>
    <message>
        <source>{where} holds a sha256 that is not 64 hex digits; get the pack again.</source>
        <translation>{where} enthält einen sha256, der nicht aus 64 Hexadezimalziffern besteht; holen Sie das Paket noch einmal.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; cannot name a model; use lower-case letters, digits, &apos;.&apos;, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>&apos;{name}&apos; kann kein Modell benennen; verwenden Sie Kleinbuchstaben, Ziffern, &apos;.&apos;, &apos;-&apos; oder &apos;_&apos;.</translation>
    </message>
    <message>
        <source>No model named &apos;{name}&apos; is installed; see `moderator models list`.</source>
        <translation>Kein Modell namens &apos;{name}&apos; ist installiert; siehe `moderator models list`.</translation>
    </message>
    <message>
        <source>{source} does not exist.</source>
        <translation>{source} gibt es nicht.</translation>
    </message>
    <message>
        <source>{name} is a bare checkpoint; give its Hugging Face config folder with --config DIR.</source>
        <translation>{name} ist ein bloßer Checkpoint; geben Sie seinen Hugging-Face-Konfigurationsordner mit --config ORDNER an.</translation>
    </message>
    <message>
        <source>{source} is neither a model pack (folder or zip) nor a checkpoint with --config.</source>
        <translation>{source} ist weder ein Modellpaket (Ordner oder ZIP) noch ein Checkpoint mit --config.</translation>
    </message>
    <message>
        <source>The manifest of {source} disagrees with itself about its checkpoint&apos;s sha256; get the pack again.</source>
        <translation>Das Manifest von {source} widerspricht sich beim sha256 seines Checkpoints; holen Sie das Paket noch einmal.</translation>
    </message>
    <message>
        <source>{source} lacks its checkpoint file {checkpoint}; get the pack again.</source>
        <translation>{source} fehlt seine Checkpoint-Datei {checkpoint}; holen Sie das Paket noch einmal.</translation>
    </message>
    <message>
        <source>The manifest of {source} lists labels its checkpoint does not have; get the pack again.</source>
        <translation>Das Manifest von {source} nennt Kategorien, die sein Checkpoint nicht hat; holen Sie das Paket noch einmal.</translation>
    </message>
    <message>
        <source>A different model named &apos;{name}&apos; is installed; remove it first (moderator models remove {name}) or install with --name.</source>
        <translation>Ein anderes Modell namens &apos;{name}&apos; ist installiert; entfernen Sie es zuerst (moderator models remove {name}) oder installieren Sie mit --name.</translation>
    </message>
    <message>
        <source>{config} is not a Hugging Face config folder (it has no config.json).</source>
        <translation>{config} ist kein Hugging-Face-Konfigurationsordner (er hat keine config.json).</translation>
    </message>
    <message>
        <source>The quick screen is built in and cannot be removed.</source>
        <translation>Die Schnellprüfung ist eingebaut und lässt sich nicht entfernen.</translation>
    </message>
    <message>
        <source>The quick screen has no fast mode; it is fast already.</source>
        <translation>Die Schnellprüfung hat keinen schnellen Modus; sie ist schon schnell.</translation>
    </message>
    <message>
        <source>The folder {parent} does not exist; create it or choose another place for the backup.</source>
        <translation>Den Ordner {parent} gibt es nicht; legen Sie ihn an oder wählen Sie einen anderen Ort für die Sicherung.</translation>
    </message>
    <message>
        <source>{out} is a folder; give the backup a file name, e.g. {example}.</source>
        <translation>{out} ist ein Ordner; geben Sie der Sicherung einen Dateinamen, z. B. {example}.</translation>
    </message>
    <message>
        <source>{out} exists already; choose another name, or add --force to replace it.</source>
        <translation>{out} gibt es schon; wählen Sie einen anderen Namen oder ersetzen Sie die Datei mit --force.</translation>
    </message>
    <message>
        <source>{out} is the live database itself; choose another file for the backup.</source>
        <translation>{out} ist die laufende Datenbank selbst; wählen Sie eine andere Datei für die Sicherung.</translation>
    </message>
    <message>
        <source>{path}: no such file.</source>
        <translation>{path}: Datei gibt es nicht.</translation>
    </message>
    <message>
        <source>{path} was made by a newer version of the app (schema {revision}); update the app first.</source>
        <translation>{path} stammt von einer neueren Version der App (Schema {revision}); aktualisieren Sie zuerst die App.</translation>
    </message>
    <message>
        <source>{path} is not an SQLite database or is damaged ({error}); nothing was restored.</source>
        <translation>{path} ist keine SQLite-Datenbank oder beschädigt ({error}); nichts wurde wiederhergestellt.</translation>
    </message>
    <message>
        <source>{path} is damaged ({first_problem}); nothing was restored.</source>
        <translation>{path} ist beschädigt ({first_problem}); nichts wurde wiederhergestellt.</translation>
    </message>
    <message>
        <source>{path} is not a Comment Moderator database; nothing was restored.</source>
        <translation>{path} ist keine Datenbank von Comment Moderator; nichts wurde wiederhergestellt.</translation>
    </message>
    <message>
        <source>The database {target} holds data; add --force to replace it with {source} (a copy of it is kept in the backups folder first).</source>
        <translation>Die Datenbank {target} enthält Daten; ersetzen Sie sie mit --force durch {source} (eine Kopie kommt zuvor in den Sicherungsordner).</translation>
    </message>
    <message>
        <source>Backup and restore work on an SQLite database file or a PostgreSQL database.</source>
        <translation>Sichern und Wiederherstellen gehen mit einer SQLite-Datenbankdatei oder einer PostgreSQL-Datenbank.</translation>
    </message>
</context>
<context>
    <name>importing</name>
    <message>
        <source>{file} ({format}): articles {articles_added} added, {articles_updated} updated; comments {added} added, {updated} updated, {unchanged} unchanged{skipped}</source>
        <translation>{file} ({format}): Artikel {articles_added} hinzugefügt, {articles_updated} aktualisiert; Kommentare {added} hinzugefügt, {updated} aktualisiert, {unchanged} unverändert{skipped}</translation>
    </message>
    <message>
        <source>; {count} skipped ({reasons})</source>
        <translation>; {count} übersprungen ({reasons})</translation>
    </message>
    <message>
        <source>Commento comment that is not a JSON object</source>
        <translation>Commento-Kommentar, der kein JSON-Objekt ist</translation>
    </message>
    <message>
        <source>Commento comment that has no id (or names no page)</source>
        <translation>Commento-Kommentar ohne ID (oder ohne Seite)</translation>
    </message>
    <message>
        <source>Commento comment that has an id longer than 200 characters (or names no page)</source>
        <translation>Commento-Kommentar mit einer ID über 200 Zeichen (oder ohne Seite)</translation>
    </message>
    <message>
        <source>Commento comment whose creationDate is not a time; kept without a date</source>
        <translation>Commento-Kommentar, dessen creationDate keine Zeitangabe ist; ohne Datum übernommen</translation>
    </message>
    <message>
        <source>Disqus thread that has no id</source>
        <translation>Disqus-Thread ohne ID</translation>
    </message>
    <message>
        <source>Disqus thread that has an id longer than 200 characters</source>
        <translation>Disqus-Thread mit einer ID über 200 Zeichen</translation>
    </message>
    <message>
        <source>Disqus post that has no id</source>
        <translation>Disqus-Beitrag ohne ID</translation>
    </message>
    <message>
        <source>Disqus post that has an id longer than 200 characters</source>
        <translation>Disqus-Beitrag mit einer ID über 200 Zeichen</translation>
    </message>
    <message>
        <source>Isso thread that is not a JSON object</source>
        <translation>Isso-Thread, der kein JSON-Objekt ist</translation>
    </message>
    <message>
        <source>Isso thread that has no id</source>
        <translation>Isso-Thread ohne ID</translation>
    </message>
    <message>
        <source>Isso thread that has an id longer than 200 characters</source>
        <translation>Isso-Thread mit einer ID über 200 Zeichen</translation>
    </message>
    <message>
        <source>Isso comment without an id</source>
        <translation>Isso-Kommentar ohne ID</translation>
    </message>
    <message>
        <source>Isso comment that has an id longer than 200 characters (with its thread&apos;s)</source>
        <translation>Isso-Kommentar mit einer ID über 200 Zeichen (samt der seines Threads)</translation>
    </message>
    <message>
        <source>Isso comment whose created time is not a time; kept without a date</source>
        <translation>Isso-Kommentar, dessen created keine Zeitangabe ist; ohne Datum übernommen</translation>
    </message>
    <message>
        <source>Remark42 comment that has no id</source>
        <translation>Remark42-Kommentar ohne ID</translation>
    </message>
    <message>
        <source>Remark42 comment that has an id longer than 200 characters</source>
        <translation>Remark42-Kommentar mit einer ID über 200 Zeichen</translation>
    </message>
    <message>
        <source>Remark42 comment that names no page</source>
        <translation>Remark42-Kommentar ohne Seite</translation>
    </message>
    <message>
        <source>Remark42 comment whose time is not a time; kept without a date</source>
        <translation>Remark42-Kommentar, dessen time keine Zeitangabe ist; ohne Datum übernommen</translation>
    </message>
    <message>
        <source>WordPress item of a type other than post or page, without comments (not an article)</source>
        <translation>WordPress-Eintrag, der weder Beitrag noch Seite ist, ohne Kommentare (kein Artikel)</translation>
    </message>
    <message>
        <source>WordPress item that has no id</source>
        <translation>WordPress-Eintrag ohne ID</translation>
    </message>
    <message>
        <source>WordPress item that has an id longer than 200 characters</source>
        <translation>WordPress-Eintrag mit einer ID über 200 Zeichen</translation>
    </message>
    <message>
        <source>WordPress comment in an item that has no id</source>
        <translation>WordPress-Kommentar in einem Eintrag ohne ID</translation>
    </message>
    <message>
        <source>WordPress comment that has no id</source>
        <translation>WordPress-Kommentar ohne ID</translation>
    </message>
    <message>
        <source>WordPress comment that has an id longer than 200 characters</source>
        <translation>WordPress-Kommentar mit einer ID über 200 Zeichen</translation>
    </message>
    <message>
        <source>article id that appears more than once in the file (the first was kept)</source>
        <translation>Artikel-ID, die mehrmals in der Datei vorkommt (die erste wurde übernommen)</translation>
    </message>
    <message>
        <source>decision older than one made here (the newer local decision stands)</source>
        <translation>Entscheidung älter als eine hier getroffene (die neuere hiesige gilt)</translation>
    </message>
    <message>
        <source>decision on a comment that is not in this database</source>
        <translation>Entscheidung zu einem Kommentar, der nicht in dieser Datenbank ist</translation>
    </message>
    <message>
        <source>undo of a decision not in this file</source>
        <translation>Rücknahme einer Entscheidung, die nicht in dieser Datei steht</translation>
    </message>
    <message>
        <source>decision on a comment without an external id</source>
        <translation>Entscheidung zu einem Kommentar ohne externe ID</translation>
    </message>
    <message>
        <source>staff reply posted and withdrawn on the other machine</source>
        <translation>Redaktionsantwort, auf dem anderen Rechner veröffentlicht und zurückgezogen</translation>
    </message>
    <message>
        <source>staff reply on an article that is not in this database</source>
        <translation>Redaktionsantwort zu einem Artikel, der nicht in dieser Datenbank ist</translation>
    </message>
    <message>
        <source>comment id that appears more than once in the file (the first was kept)</source>
        <translation>Kommentar-ID, die mehrmals in der Datei vorkommt (die erste wurde übernommen)</translation>
    </message>
</context>
<context>
    <name>insight</name>
    <message>
        <source>hiding at ≥ {threshold} would have caught {caught} of the {hides} comments moderators hid, and wrongly hidden {wrongly} of the {approvals} they approved</source>
        <translation>Ausblenden ab ≥ {threshold} hätte {caught} der {hides} Kommentare erfasst, die Moderatoren ausgeblendet haben, und {wrongly} der {approvals} freigegebenen fälschlich ausgeblendet</translation>
    </message>
    <message>
        <source>Rules do not exist yet: a chosen threshold can be carried into a rule once they do.</source>
        <translation>Regeln gibt es noch nicht: Eine gewählte Schwelle lässt sich übernehmen, sobald es sie gibt.</translation>
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
        <translation>Ausgeblendet</translation>
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
        <source>{day} {month} {year}, {time}</source>
        <translation>{dd}.{mm}.{year} {time}</translation>
    </message>
    <message>
        <source>{day} {month} {time}</source>
        <translation>{dd}.{mm}. {time}</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>Jan.</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>Feb.</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>März</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>Apr.</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Mai</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>Juni</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>Juli</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>Aug.</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>Sep.</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>Okt.</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>Nov.</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>Dez.</translation>
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
        <source>{count} entry</source>
        <translation>{count} Eintrag</translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation>{count} Einträge</translation>
    </message>
    <message>
        <source>Unscored</source>
        <translation>Unbewertet</translation>
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
        <translation>{count} ausgeblendet</translation>
    </message>
    <message>
        <source>handled by {moderator}</source>
        <translation>bei {moderator}</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Redaktion</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>ohne Datum</translation>
    </message>
    <message>
        <source>top {score}</source>
        <translation>max. {score}</translation>
    </message>
    <message>
        <source>{count} unscored</source>
        <translation>{count} unbewertet</translation>
    </message>
    <message>
        <source>★ Featured</source>
        <translation>★ Hervorgehoben</translation>
    </message>
    <message>
        <source>{reason} +{more}</source>
        <translation>{reason} +{more}</translation>
    </message>
</context>
<context>
    <name>rules</name>
    <message>
        <source>banned word &apos;{entry}&apos;</source>
        <translation>verbotenes Wort &apos;{entry}&apos;</translation>
    </message>
    <message>
        <source>suspect word &apos;{entry}&apos;</source>
        <translation>verdächtiges Wort &apos;{entry}&apos;</translation>
    </message>
    <message>
        <source>dehumanising term &apos;{entry}&apos;</source>
        <translation>entmenschlichender Begriff &apos;{entry}&apos;</translation>
    </message>
    <message>
        <source>threatening phrase &apos;{entry}&apos;</source>
        <translation>drohende Wendung &apos;{entry}&apos;</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <source>e-mail address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>street address</source>
        <translation>Postanschrift</translation>
    </message>
    <message>
        <source>card number</source>
        <translation>Kartennummer</translation>
    </message>
    <message>
        <source>link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>{count} links (more than {most})</source>
        <translation>{count} Links (mehr als {most})</translation>
    </message>
    <message>
        <source>banned commenter</source>
        <translation>gesperrter Kommentator</translation>
    </message>
    <message>
        <source>trusted commenter</source>
        <translation>vertrauenswürdiger Kommentator</translation>
    </message>
    <message>
        <source>first comment from a commenter never seen before</source>
        <translation>erster Kommentar eines bisher unbekannten Kommentators</translation>
    </message>
    <message>
        <source>post-moderated: published unless hidden</source>
        <translation>nachträglich moderiert: veröffentlicht, sofern nicht ausgeblendet</translation>
    </message>
    <message>
        <source>{label} {score} ≥ {limit}</source>
        <translation>{label} {score} ≥ {limit}</translation>
    </message>
    <message>
        <source>{label} {score} &lt; {limit}</source>
        <translation>{label} {score} &lt; {limit}</translation>
    </message>
    <message>
        <source>{reason} (and {count} more)</source>
        <translation>{reason} (und {count} weitere)</translation>
    </message>
    <message>
        <source>Reverted {count} decision(s) of rule &apos;{rule}&apos;.</source>
        <translation>{count} Entscheidung(en) der Regel &apos;{rule}&apos; zurückgenommen.</translation>
    </message>
    <message>
        <source>Reverted {count} decision(s) of rule &apos;{rule}&apos;; {kept} left alone, decided or changed since (comment {ids}).</source>
        <translation>{count} Entscheidung(en) der Regel &apos;{rule}&apos; zurückgenommen; {kept} unberührt gelassen, seitdem entschieden oder geändert (Kommentar {ids}).</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>pulled {added} new, {updated} changed</source>
        <translation>{added} neu abgerufen, {updated} geändert</translation>
    </message>
    <message>
        <source>sent {count}</source>
        <translation>{count} gesendet</translation>
    </message>
    <message>
        <source>, {count} held (changed on the site)</source>
        <translation>, {count} zurückgehalten (auf der Website geändert)</translation>
    </message>
    <message>
        <source>, {count} kept here only</source>
        <translation>, {count} nur hier behalten</translation>
    </message>
    <message>
        <source>, {count} refused</source>
        <translation>, {count} abgelehnt</translation>
    </message>
    <message>
        <source>{count} to send</source>
        <translation>{count} zu senden</translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation> (abgebrochen)</translation>
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
        <translation>&lt;p&gt;Die Demo-Artikel und -Kommentare hinter diesem Fenster sind erfunden, zum Ausprobieren: &lt;b&gt;j&lt;/b&gt; / &lt;b&gt;k&lt;/b&gt; bewegen, &lt;b&gt;a&lt;/b&gt; gibt frei, &lt;b&gt;h&lt;/b&gt; blendet aus, &lt;b&gt;Strg+Z&lt;/b&gt; macht rückgängig. Nichts erreicht eine Website, bevor Sie Ihre Entscheidungen exportieren. &lt;b&gt;F1&lt;/b&gt; öffnet die Anleitung.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The demo is in: made-up articles and comments to try things on. Press 2 for Flagged (pending comments scored Medium or higher, from {medium}), F1 for the guide.</source>
        <translation>Die Demo ist da: erfundene Artikel und Kommentare zum Üben. 2 zeigt Markiert (ab {medium}), F1 die Anleitung.</translation>
    </message>
</context>
</TS>
