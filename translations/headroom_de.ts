<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>headroom::ui::ClassEditor</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add a class (it replays from the next restart)</source>
        <translation>Klasse hinzufügen (wirkt ab dem nächsten Neustart der Wiedergabe)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected class</source>
        <translation>Ausgewählte Klasse entfernen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move the selected class up</source>
        <translation>Ausgewählte Klasse nach oben verschieben</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Move the selected class down</source>
        <translation>Ausgewählte Klasse nach unten verschieben</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The class set, order or rates changed: they apply when the replay restarts (Stop, then Play).</source>
        <translation>Klassen, Reihenfolge oder Raten wurden geändert: Das gilt ab dem Neustart der Wiedergabe (Stopp, dann Abspielen).</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ClassFiguresPanel</name>
    <message>
        <source>All classes</source>
        <translation>Alle Klassen</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ClassLatencyChart</name>
    <message>
        <source>p%1</source>
        <translation>p%1</translation>
    </message>
    <message>
        <source>queue time</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <source>TTFT</source>
        <translation>TTFT</translation>
    </message>
    <message>
        <source>TBT</source>
        <translation>TBT</translation>
    </message>
    <message>
        <source>TTLT</source>
        <translation>TTLT</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>SLO</source>
        <translation>SLO</translation>
    </message>
    <message>
        <source>virtual time (s)</source>
        <translation>virtuelle Zeit (s)</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ClassTableModel</name>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>p%1</source>
        <translation>p%1</translation>
    </message>
    <message>
        <source>trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>Unique class name</source>
        <translation>Eindeutiger Klassenname</translation>
    </message>
    <message>
        <source>0 is the most urgent class; orders classes for the priority policy</source>
        <translation>0 ist die dringendste Klasse; ordnet die Klassen für die Prioritätsstrategie</translation>
    </message>
    <message>
        <source>Low-importance requests are relegated first when deadlines slip</source>
        <translation>Anfragen geringer Wichtigkeit werden zuerst zurückgestuft, wenn Fristen nicht zu halten sind</translation>
    </message>
    <message>
        <source>Time to first token bound in seconds; empty for none</source>
        <translation>Grenze für die Zeit bis zum ersten Token in Sekunden; leer für keine</translation>
    </message>
    <message>
        <source>Time between tokens bound in seconds; empty for none</source>
        <translation>Grenze für die Zeit zwischen Tokens in Sekunden; leer für keine</translation>
    </message>
    <message>
        <source>Time to last token bound in seconds; empty for none</source>
        <translation>Grenze für die Zeit bis zum letzten Token in Sekunden; leer für keine</translation>
    </message>
    <message>
        <source>The percentile the SLO is judged on, e.g. 99 for p99</source>
        <translation>Das Perzentil, an dem das SLO gemessen wird, z. B. 99 für p99</translation>
    </message>
    <message>
        <source>Arrivals come from the scenario&apos;s trace</source>
        <translation>Die Ankünfte stammen aus dem Trace des Szenarios</translation>
    </message>
    <message>
        <source>Base arrival rate in requests per second; applies when the replay restarts</source>
        <translation>Grundlegende Ankunftsrate in Anfragen pro Sekunde; gilt ab dem Neustart der Wiedergabe</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>Wichtigkeit</translation>
    </message>
    <message>
        <source>TTFT (s)</source>
        <translation>TTFT (s)</translation>
    </message>
    <message>
        <source>TBT (s)</source>
        <translation>TBT (s)</translation>
    </message>
    <message>
        <source>TTLT (s)</source>
        <translation>TTLT (s)</translation>
    </message>
    <message>
        <source>Percentile</source>
        <translation>Perzentil</translation>
    </message>
    <message>
        <source>Rate (req/s)</source>
        <translation>Rate (Anfr./s)</translation>
    </message>
    <message>
        <source>No such class</source>
        <translation>Diese Klasse gibt es nicht</translation>
    </message>
    <message>
        <source>A class needs a name</source>
        <translation>Eine Klasse braucht einen Namen</translation>
    </message>
    <message>
        <source>A class name has at most %1 characters</source>
        <translation>Ein Klassenname hat höchstens %1 Zeichen</translation>
    </message>
    <message>
        <source>Another class is already named &quot;%1&quot;</source>
        <translation>Eine andere Klasse heißt bereits „%1“</translation>
    </message>
    <message>
        <source>The rank must be a whole number from 0 to %1</source>
        <translation>Der Rang muss eine ganze Zahl von 0 bis %1 sein</translation>
    </message>
    <message>
        <source>The importance must be high, normal or low</source>
        <translation>Die Wichtigkeit muss hoch, normal oder niedrig sein</translation>
    </message>
    <message>
        <source>A bound must be a number of seconds above 0 and at most %1, or empty for none</source>
        <translation>Eine Grenze muss eine Sekundenzahl über 0 und höchstens %1 sein, oder leer für keine</translation>
    </message>
    <message>
        <source>A class needs at least one bound: TTFT, TBT or TTLT</source>
        <translation>Eine Klasse braucht mindestens eine Grenze: TTFT, TBT oder TTLT</translation>
    </message>
    <message>
        <source>The TTFT bound cannot exceed the TTLT bound</source>
        <translation>Die TTFT-Grenze darf die TTLT-Grenze nicht überschreiten</translation>
    </message>
    <message>
        <source>The TBT bound cannot exceed the TTLT bound</source>
        <translation>Die TBT-Grenze darf die TTLT-Grenze nicht überschreiten</translation>
    </message>
    <message>
        <source>The percentile must be a number above 0 and below 100, e.g. 99 for p99</source>
        <translation>Das Perzentil muss eine Zahl über 0 und unter 100 sein, z. B. 99 für p99</translation>
    </message>
    <message>
        <source>The rate must be a number of requests per second from 0 to %1</source>
        <translation>Die Rate muss eine Zahl von Anfragen pro Sekunde von 0 bis %1 sein</translation>
    </message>
    <message>
        <source>No such column</source>
        <translation>Diese Spalte gibt es nicht</translation>
    </message>
    <message>
        <source>A scenario needs at least one class</source>
        <translation>Ein Szenario braucht mindestens eine Klasse</translation>
    </message>
</context>
<context>
    <name>headroom::ui::Dashboard</name>
    <message>
        <source>Latency:</source>
        <translation>Latenz:</translation>
    </message>
    <message>
        <source>Each class&apos;s SLO metric</source>
        <translation>SLO-Metrik jeder Klasse</translation>
    </message>
    <message>
        <source>Queue time</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <source>Time to first token</source>
        <translation>Zeit bis zum ersten Token</translation>
    </message>
    <message>
        <source>Time between tokens</source>
        <translation>Zeit zwischen Tokens</translation>
    </message>
    <message>
        <source>Time to last token</source>
        <translation>Zeit bis zum letzten Token</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>Zeitfenster:</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation>5 Minuten</translation>
    </message>
    <message>
        <source>10 minutes</source>
        <translation>10 Minuten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
</context>
<context>
    <name>headroom::ui::FigureTile</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>SLO met · target %1 %</source>
        <translation>SLO eingehalten · Ziel %1 %</translation>
    </message>
    <message>
        <source>goodput %1 req/s</source>
        <translation>Goodput %1 Anfr./s</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 Tokens/s</translation>
    </message>
    <message numerus="yes">
        <source>%n relegated</source>
        <translation>
            <numerusform>%n zurückgestuft</numerusform>
            <numerusform>%n zurückgestuft</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>headroom::ui::LogPanel</name>
    <message>
        <source>trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>Show from:</source>
        <translation>Anzeigen ab:</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
</context>
<context>
    <name>headroom::ui::MainWindow</name>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Playing</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Headroom</source>
        <translation>Headroom</translation>
    </message>
    <message>
        <source>No scenario</source>
        <translation>Kein Szenario</translation>
    </message>
    <message>
        <source>&amp;Open Scenario…</source>
        <translation>Szenario ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Abspielen</translation>
    </message>
    <message>
        <source>Play or pause the replay (Space)</source>
        <translation>Wiedergabe abspielen oder anhalten (Leertaste)</translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation>&amp;Schritt</translation>
    </message>
    <message>
        <source>Advance %1 s of virtual time, then pause (Ctrl+Right)</source>
        <translation>%1 s virtuelle Zeit vorspulen, dann anhalten (Strg+Rechts)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>S&amp;topp</translation>
    </message>
    <message>
        <source>End the replay; Play starts it again from the beginning (Ctrl+.)</source>
        <translation>Wiedergabe beenden; Abspielen startet sie wieder von vorn (Strg+.)</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>&amp;Neu starten</translation>
    </message>
    <message>
        <source>Rebuild the replay from the start with the current classes (Ctrl+R)</source>
        <translation>Wiedergabe mit den aktuellen Klassen von vorn aufbauen (Strg+R)</translation>
    </message>
    <message>
        <source>Real time (1×)</source>
        <translation>Echtzeit (1×)</translation>
    </message>
    <message>
        <source>10×</source>
        <translation>10×</translation>
    </message>
    <message>
        <source>100×</source>
        <translation>100×</translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation>So schnell wie möglich</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch (English)</translation>
    </message>
    <message>
        <source>German (Deutsch)</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>&amp;About Headroom</source>
        <translation>&amp;Über Headroom</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Replay</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <source>S&amp;peed</source>
        <translation>&amp;Geschwindigkeit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>Classes and SLOs</source>
        <translation>Klassen und SLOs</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Open Scenario</source>
        <translation>Szenario öffnen</translation>
    </message>
    <message>
        <source>Scenario files (*.json);;All files (*)</source>
        <translation>Szenariodateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot open scenario</source>
        <translation>Szenario kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>The scenario could not be opened; the current one stays loaded.

%1</source>
        <translation>Das Szenario konnte nicht geöffnet werden; das aktuelle bleibt geladen.

%1</translation>
    </message>
    <message>
        <source>About Headroom</source>
        <translation>Über Headroom</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Headroom %1&lt;/h3&gt;&lt;p&gt;An operations console for GPU inference pools serving many QoS classes: define classes and their SLOs, replay load scenarios on a simulated pool and watch per class how long requests queue, how fast they are served and how many meet their SLO.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Headroom %1&lt;/h3&gt;&lt;p&gt;Eine Betriebskonsole für GPU-Inferenz-Pools, die viele QoS-Klassen bedienen: Klassen und ihre SLOs festlegen, Lastszenarien auf einem simulierten Pool abspielen und je Klasse verfolgen, wie lange Anfragen warten, wie schnell sie bedient werden und wie viele ihr SLO einhalten.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 — Headroom</source>
        <translation>%1 — Headroom</translation>
    </message>
    <message>
        <source>Scenario: %1</source>
        <translation>Szenario: %1</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>%1 arrived · %2 completed · %3 met their SLO</source>
        <translation>%1 angekommen · %2 abgeschlossen · %3 im SLO</translation>
    </message>
    <message>
        <source>The replay failed: %1</source>
        <translation>Die Wiedergabe ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The language changes when Headroom starts again.</source>
        <translation>Die Sprache wechselt beim nächsten Start von Headroom.</translation>
    </message>
</context>
<context>
    <name>headroom::ui::PoolTableModel</name>
    <message>
        <source>instance %1</source>
        <translation>Instanz %1</translation>
    </message>
    <message>
        <source>running</source>
        <translation>rechnet</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>frei</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 waiting, %2 relegated</source>
        <translation>%1 wartend, %2 zurückgestuft</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Auslastung</translation>
    </message>
    <message>
        <source>KV cache</source>
        <translation>KV-Cache</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>Batch tokens</source>
        <translation>Batch-Tokens</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>Iterationen</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ReplayControls</name>
    <message>
        <source>Speed:</source>
        <translation>Geschwindigkeit:</translation>
    </message>
    <message>
        <source>1× (real time)</source>
        <translation>1× (Echtzeit)</translation>
    </message>
    <message>
        <source>10×</source>
        <translation>10×</translation>
    </message>
    <message>
        <source>100×</source>
        <translation>100×</translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation>So schnell wie möglich</translation>
    </message>
    <message>
        <source>Virtual seconds replayed per wall-clock second</source>
        <translation>Abgespielte virtuelle Sekunden je realer Sekunde</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Virtual time elapsed / scenario length</source>
        <translation>Verstrichene virtuelle Zeit / Länge des Szenarios</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Headroom</source>
        <translation>Headroom</translation>
    </message>
    <message>
        <source>Operations console for multi-class LLM serving: live per-class dashboard, SLO editing and scenario replay.</source>
        <translation>Betriebskonsole für LLM-Serving mit mehreren Klassen: Live-Dashboard je Klasse, SLO-Bearbeitung und Szenario-Wiedergabe.</translation>
    </message>
    <message>
        <source>Open the scenario file &lt;file&gt; instead of the bundled demo.</source>
        <translation>Die Szenariodatei &lt;file&gt; statt der mitgelieferten Demo öffnen.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Start replaying at once.</source>
        <translation>Sofort mit der Wiedergabe beginnen.</translation>
    </message>
    <message>
        <source>Cannot open scenario %1:
%2</source>
        <translation>Szenario %1 kann nicht geöffnet werden:
%2</translation>
    </message>
</context>
</TS>
