<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>HtmlReport</name>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="69"/>
        <location filename="../ui/report/html_report_writer.cpp" line="72"/>
        <location filename="../ui/report/html_report_writer.cpp" line="93"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="69"/>
        <source>SLO</source>
        <translation>SLO</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="69"/>
        <source>Arrivals</source>
        <translation>Ankünfte</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="70"/>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="70"/>
        <source>Relegated</source>
        <translation>Zurückgestuft</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="70"/>
        <source>Attainment</source>
        <translation>Einhaltung</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="71"/>
        <source>Goodput</source>
        <translation>Goodput</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="72"/>
        <source>Queue p50/p99</source>
        <translation>Wartezeit p50/p99</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="72"/>
        <source>TTFT p50/p99</source>
        <translation>TTFT p50/p99</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="73"/>
        <source>TBT p50/p99</source>
        <translation>TBT p50/p99</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="73"/>
        <source>TTLT p50/p99</source>
        <translation>TTLT p50/p99</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="86"/>
        <source>Classes</source>
        <translation>Klassen</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="88"/>
        <source>Latency per class (p50 / p99)</source>
        <translation>Latenz je Klasse (p50 / p99)</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="93"/>
        <source>Watched</source>
        <translation>Überwacht</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="93"/>
        <source>Attainment a</source>
        <translation>Einhaltung a</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="94"/>
        <source>Attainment b</source>
        <translation>Einhaltung b</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="94"/>
        <location filename="../ui/report/html_report_writer.cpp" line="95"/>
        <location filename="../ui/report/html_report_writer.cpp" line="96"/>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="94"/>
        <source>Goodput a</source>
        <translation>Goodput a</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="95"/>
        <source>Goodput b</source>
        <translation>Goodput b</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="95"/>
        <source>Latency a</source>
        <translation>Latenz a</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="96"/>
        <source>Latency b</source>
        <translation>Latenz b</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="106"/>
        <source>All classes</source>
        <translation>Alle Klassen</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="114"/>
        <source>Comparison: %1 (a) with %2 (b)</source>
        <translation>Vergleich: %1 (a) mit %2 (b)</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="118"/>
        <source>Settings changed from a to b</source>
        <translation>Von a nach b geänderte Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="120"/>
        <source>None: both runs ran with the same settings.</source>
        <translation>Keine: beide Läufe liefen mit denselben Einstellungen.</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="122"/>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="122"/>
        <source>Run a</source>
        <translation>Lauf a</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="122"/>
        <source>Run b</source>
        <translation>Lauf b</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="128"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="132"/>
        <source>Plan as JSON</source>
        <translation>Plan als JSON</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="156"/>
        <source>Scenario %1, started %2</source>
        <translation>Szenario %1, gestartet am %2</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="160"/>
        <source>Run and totals</source>
        <translation>Lauf und Summen</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="162"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="168"/>
        <source>Latency and throughput over time</source>
        <translation>Latenz und Durchsatz im Zeitverlauf</translation>
    </message>
</context>
<context>
    <name>PdfReport</name>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="99"/>
        <source>page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="215"/>
        <source>Scenario %1, started %2</source>
        <translation>Szenario %1, gestartet am %2</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="226"/>
        <source>Run and totals</source>
        <translation>Lauf und Summen</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="228"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="240"/>
        <source>Comparison: %1 (a) with %2 (b)</source>
        <translation>Vergleich: %1 (a) mit %2 (b)</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="242"/>
        <location filename="../ui/report/pdf_report_writer.cpp" line="272"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="242"/>
        <source>Watched</source>
        <translation>Überwacht</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="242"/>
        <source>Attainment a</source>
        <translation>Einhaltung a</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="243"/>
        <source>Attainment b</source>
        <translation>Einhaltung b</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="243"/>
        <location filename="../ui/report/pdf_report_writer.cpp" line="244"/>
        <location filename="../ui/report/pdf_report_writer.cpp" line="245"/>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="243"/>
        <source>Goodput a</source>
        <translation>Goodput a</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="244"/>
        <source>Goodput b</source>
        <translation>Goodput b</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="244"/>
        <source>Latency a</source>
        <translation>Latenz a</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="245"/>
        <source>Latency b</source>
        <translation>Latenz b</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="255"/>
        <source>All classes</source>
        <translation>Alle Klassen</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="262"/>
        <source>Settings changed from a to b</source>
        <translation>Von a nach b geänderte Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="265"/>
        <source>none: both runs ran with the same settings</source>
        <translation>keine: beide Läufe liefen mit denselben Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="266"/>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="266"/>
        <source>Run a</source>
        <translation>Lauf a</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="266"/>
        <source>Run b</source>
        <translation>Lauf b</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="271"/>
        <source>Classes</source>
        <translation>Klassen</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="272"/>
        <source>SLO</source>
        <translation>SLO</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="272"/>
        <source>Arrivals</source>
        <translation>Ankünfte</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="273"/>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="273"/>
        <source>Relegated</source>
        <translation>Zurückgestuft</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="273"/>
        <source>Attainment</source>
        <translation>Einhaltung</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="274"/>
        <source>Goodput</source>
        <translation>Goodput</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="274"/>
        <source>Queue p50/p99</source>
        <translation>Wartezeit p50/p99</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="274"/>
        <source>TTFT p50/p99</source>
        <translation>TTFT p50/p99</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="275"/>
        <source>TBT p50/p99</source>
        <translation>TBT p50/p99</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="275"/>
        <source>TTLT p50/p99</source>
        <translation>TTLT p50/p99</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="293"/>
        <source>Latency and throughput over time</source>
        <translation>Latenz und Durchsatz im Zeitverlauf</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="305"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="317"/>
        <source>Plan as JSON</source>
        <translation>Plan als JSON</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="351"/>
        <source>%1: cannot start the PDF</source>
        <translation>%1: Das PDF kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>PlanningDocks</name>
    <message>
        <location filename="../ui/mainwindow/planning_docks.cpp" line="32"/>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/planning_docks.cpp" line="46"/>
        <source>Planner</source>
        <translation>Planer</translation>
    </message>
</context>
<context>
    <name>ReportChart</name>
    <message>
        <location filename="../ui/report/report_chart.cpp" line="133"/>
        <source>virtual time (s)</source>
        <translation>virtuelle Zeit (s)</translation>
    </message>
</context>
<context>
    <name>ReportDocument</name>
    <message>
        <location filename="../ui/report/report_document.cpp" line="23"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="23"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="56"/>
        <source>Run report: %1</source>
        <translation>Laufbericht: %1</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="64"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="64"/>
        <source>%1 (id %2)</source>
        <translation>%1 (ID %2)</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="65"/>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="66"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="67"/>
        <location filename="../ui/report/report_document.cpp" line="223"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="68"/>
        <source>Virtual time</source>
        <translation>Virtuelle Zeit</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="68"/>
        <source>%1 s of %2 s</source>
        <translation>%1 s von %2 s</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="69"/>
        <source>Requests arrived</source>
        <translation>Angekommene Anfragen</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="70"/>
        <source>Requests completed</source>
        <translation>Abgeschlossene Anfragen</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="71"/>
        <source>Met their SLO</source>
        <translation>SLO eingehalten</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="72"/>
        <source>SLO attainment</source>
        <translation>SLO-Einhaltung</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="76"/>
        <source>Goodput</source>
        <translation>Goodput</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="77"/>
        <source>Output tokens</source>
        <translation>Ausgabe-Tokens</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="78"/>
        <source>Output tokens per second</source>
        <translation>Ausgabe-Tokens pro Sekunde</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="87"/>
        <source>Executor</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="87"/>
        <source>constant, %1 per iteration</source>
        <translation>konstant, %1 pro Iteration</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="89"/>
        <source>modeled</source>
        <translation>modelliert</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="104"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="106"/>
        <source>Hardware</source>
        <translation>Hardware</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="109"/>
        <source>Tensor parallel</source>
        <translation>Tensor-Parallelität</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="96"/>
        <location filename="../ui/report/report_document.cpp" line="111"/>
        <source>model default</source>
        <translation>Modellvorgabe</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="97"/>
        <source>Group %1</source>
        <translation>Gruppe %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/report/report_document.cpp" line="98"/>
        <source>%1 on %2, tensor parallel %3, %n instance(s), %4</source>
        <translation>
            <numerusform>%1 auf %2, Tensor-Parallelität %3, %n Instanz, %4</numerusform>
            <numerusform>%1 auf %2, Tensor-Parallelität %3, %n Instanzen, %4</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="102"/>
        <source>Tier router</source>
        <translation>Tier-Router</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="112"/>
        <location filename="../ui/report/report_document.cpp" line="225"/>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="113"/>
        <source>Router</source>
        <translation>Router</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="115"/>
        <source>Scheduler policy</source>
        <translation>Scheduler-Strategie</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="117"/>
        <source>Hybrid alpha</source>
        <translation>Hybrid-Alpha</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="117"/>
        <source>%1 ms/token</source>
        <translation>%1 ms/Token</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="119"/>
        <source>Chunking</source>
        <translation>Chunking</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="120"/>
        <source>Relegation</source>
        <translation>Zurückstufung</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="120"/>
        <location filename="../ui/report/report_document.cpp" line="121"/>
        <source>on</source>
        <translation>ein</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="120"/>
        <location filename="../ui/report/report_document.cpp" line="121"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="121"/>
        <source>Selective preemption</source>
        <translation>Selektive Verdrängung</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="122"/>
        <source>Batch limits</source>
        <translation>Batch-Obergrenzen</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="122"/>
        <source>%1 tokens, %2 sequences</source>
        <translation>%1 Tokens, %2 Sequenzen</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="124"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="125"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="125"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="127"/>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="139"/>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="141"/>
        <source>median %1, p90 %2, at most %3</source>
        <translation>Median %1, p90 %2, höchstens %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/report/report_document.cpp" line="143"/>
        <source>%n listed value(s)</source>
        <translation>
            <numerusform>%n aufgeführter Wert</numerusform>
            <numerusform>%n aufgeführte Werte</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="147"/>
        <source>%1: rank</source>
        <translation>%1: Rang</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="148"/>
        <source>%1: SLO</source>
        <translation>%1: SLO</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="149"/>
        <source>%1: arrival rate</source>
        <translation>%1: Ankunftsrate</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/report/report_document.cpp" line="152"/>
        <source>%1, %n phase(s)</source>
        <translation>
            <numerusform>%1, %n Phase</numerusform>
            <numerusform>%1, %n Phasen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="154"/>
        <source>%1: prompt tokens</source>
        <translation>%1: Prompt-Tokens</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="155"/>
        <source>%1: output tokens</source>
        <translation>%1: Ausgabe-Tokens</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="158"/>
        <source>%1: reward weight</source>
        <translation>%1: Belohnungsgewicht</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="163"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="165"/>
        <source>%1: task mix</source>
        <translation>%1: Aufgabenmix</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="173"/>
        <source>Metrics window</source>
        <translation>Metrikfenster</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="192"/>
        <source>%1: %2 over time</source>
        <translation>%1: %2 im Zeitverlauf</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="193"/>
        <source>%1 (s)</source>
        <translation>%1 (s)</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="195"/>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="196"/>
        <source>p%1</source>
        <translation>p%1</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="199"/>
        <source>SLO %1</source>
        <translation>SLO %1</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="203"/>
        <source>Throughput over time</source>
        <translation>Durchsatz im Zeitverlauf</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="204"/>
        <source>output tokens/s</source>
        <translation>Ausgabe-Tokens/s</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="214"/>
        <source>all classes</source>
        <translation>alle Klassen</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="224"/>
        <source>Objective</source>
        <translation>Zielfunktion</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="226"/>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="227"/>
        <source>Solve time (s)</source>
        <translation>Lösungszeit (s)</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="228"/>
        <source>Explanation</source>
        <translation>Erläuterung</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="241"/>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="241"/>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="242"/>
        <source>%1 (req/s)</source>
        <translation>%1 (Anfr./s)</translation>
    </message>
</context>
<context>
    <name>ReportFile</name>
    <message>
        <location filename="../ui/report/report_file.cpp" line="18"/>
        <source>%1: cannot open for writing: %2</source>
        <translation>%1: Kann nicht zum Schreiben geöffnet werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/report/report_file.cpp" line="24"/>
        <location filename="../ui/report/report_file.cpp" line="32"/>
        <source>%1: cannot write: %2</source>
        <translation>%1: Schreiben nicht möglich: %2</translation>
    </message>
</context>
<context>
    <name>ReportText</name>
    <message>
        <location filename="../ui/report/report_text.cpp" line="48"/>
        <source>queue time</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="26"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="28"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="37"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="38"/>
        <source>finished</source>
        <translation>beendet</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="39"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="40"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="41"/>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="49"/>
        <source>TTFT</source>
        <translation>TTFT</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="50"/>
        <source>TBT</source>
        <translation>TBT</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="51"/>
        <source>TTLT</source>
        <translation>TTLT</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="52"/>
        <source>gap between tokens</source>
        <translation>Abstand zwischen Tokens</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="58"/>
        <source>%1 p%2</source>
        <translation>%1 p%2</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="73"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="78"/>
        <source>%1%2 pp</source>
        <translation>%1%2 Pp.</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="84"/>
        <source>%1 req/s</source>
        <translation>%1 Anfr./s</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="89"/>
        <source>TTFT ≤ %1</source>
        <translation>TTFT ≤ %1</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="90"/>
        <source>TBT ≤ %1</source>
        <translation>TBT ≤ %1</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="91"/>
        <source>TTLT ≤ %1</source>
        <translation>TTLT ≤ %1</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="92"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="93"/>
        <source>%1 (p%2)</source>
        <translation>%1 (p%2)</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="100"/>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
</context>
<context>
    <name>ReportWriter</name>
    <message>
        <location filename="../ui/report/report_writer.cpp" line="46"/>
        <source>%1: unknown report type; use one of %2</source>
        <translation>%1: Unbekannter Berichtstyp; verwenden Sie einen von %2</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ClassArrivalModel</name>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="35"/>
        <source>Poisson</source>
        <translation>Poisson</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="36"/>
        <source>Gamma</source>
        <translation>Gamma</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="37"/>
        <source>Constant</source>
        <translation>Konstant</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="59"/>
        <source>&quot;%1&quot;: write START=RATE for a step or START-END=RATE for a ramp</source>
        <translation>„%1“: Schreiben Sie BEGINN=RATE für eine Stufe oder BEGINN-ENDE=RATE für eine Rampe</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="155"/>
        <source>Poisson, Gamma (bursty: set the CV) or Constant (evenly spaced)</source>
        <translation>Poisson, Gamma (stoßweise: VK festlegen) oder Konstant (gleichmäßige Abstände)</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="156"/>
        <source>Requests per second before the first phase</source>
        <translation>Anfragen pro Sekunde vor der ersten Phase</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="157"/>
        <source>Coefficient of variation of the gaps between arrivals (Gamma only; 1 is Poisson)</source>
        <translation>Variationskoeffizient der Abstände zwischen Ankünften (nur Gamma; 1 entspricht Poisson)</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="158"/>
        <source>Comma-separated START=RATE steps and START-END=RATE ramps, seconds and requests per second</source>
        <translation>Kommagetrennte Stufen BEGINN=RATE und Rampen BEGINN-ENDE=RATE, in Sekunden und Anfragen pro Sekunde</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="159"/>
        <source>This class&apos;s share of a trace&apos;s requests (traces without a class column)</source>
        <translation>Anteil dieser Klasse an den Anfragen eines Traces (für Traces ohne Klassenspalte)</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="169"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="170"/>
        <source>Arrivals</source>
        <translation>Ankünfte</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="171"/>
        <source>Rate (req/s)</source>
        <translation>Rate (Anfr./s)</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="172"/>
        <source>CV</source>
        <translation>VK</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="173"/>
        <source>Phases</source>
        <translation>Phasen</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="174"/>
        <source>Trace share</source>
        <translation>Trace-Anteil</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="188"/>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="205"/>
        <source>must be Poisson, Gamma or Constant</source>
        <translation>muss Poisson, Gamma oder Konstant sein</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="217"/>
        <source>only Gamma arrivals have a CV</source>
        <translation>nur Gamma-Ankünfte haben einen VK</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="233"/>
        <source>must be a number, 0 or more</source>
        <translation>muss eine Zahl sein, 0 oder mehr</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ClassEditor</name>
    <message>
        <location filename="../ui/widgets/class_editor.cpp" line="53"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_editor.cpp" line="53"/>
        <source>Add a class (it replays from the next restart)</source>
        <translation>Klasse hinzufügen (wirkt ab dem nächsten Neustart der Wiedergabe)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_editor.cpp" line="54"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_editor.cpp" line="54"/>
        <source>Remove the selected class</source>
        <translation>Ausgewählte Klasse entfernen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_editor.cpp" line="55"/>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_editor.cpp" line="55"/>
        <source>Move the selected class up</source>
        <translation>Ausgewählte Klasse nach oben verschieben</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_editor.cpp" line="56"/>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_editor.cpp" line="56"/>
        <source>Move the selected class down</source>
        <translation>Ausgewählte Klasse nach unten verschieben</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_editor.cpp" line="92"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_editor.cpp" line="100"/>
        <source>The class set, order or rates changed: they apply when the replay restarts (Stop, then Play).</source>
        <translation>Klassen, Reihenfolge oder Raten wurden geändert: Das gilt ab dem Neustart der Wiedergabe (Stopp, dann Abspielen).</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ClassFiguresPanel</name>
    <message>
        <location filename="../ui/widgets/class_figures_panel.cpp" line="151"/>
        <source>All classes</source>
        <translation>Alle Klassen</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ClassLatencyChart</name>
    <message>
        <location filename="../ui/charts/class_latency_chart.cpp" line="38"/>
        <source>p%1</source>
        <translation>p%1</translation>
    </message>
    <message>
        <location filename="../ui/charts/class_latency_chart.cpp" line="53"/>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <location filename="../ui/charts/class_latency_chart.cpp" line="58"/>
        <source>SLO</source>
        <translation>SLO</translation>
    </message>
    <message>
        <location filename="../ui/charts/class_latency_chart.cpp" line="64"/>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <location filename="../ui/charts/class_latency_chart.cpp" line="98"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ClassTableModel</name>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="19"/>
        <location filename="../ui/widgets/class_editor.cpp" line="19"/>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="20"/>
        <location filename="../ui/models/class_table_model.cpp" line="23"/>
        <location filename="../ui/widgets/class_editor.cpp" line="20"/>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="21"/>
        <location filename="../ui/widgets/class_editor.cpp" line="21"/>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="69"/>
        <source>Write the task mix as task names with shares, e.g. &quot;mmlu 0.6, gsm8k 0.4&quot;; could not read &quot;%1&quot;.</source>
        <translation>Schreiben Sie den Aufgabenmix als Aufgabennamen mit Anteilen, z. B. „mmlu 0.6, gsm8k 0.4“; „%1“ ist nicht lesbar.</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="128"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="133"/>
        <source>p%1</source>
        <translation>p%1</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="135"/>
        <source>trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="141"/>
        <source>%1 (default)</source>
        <translation>%1 (Standard)</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="151"/>
        <source>Unique class name</source>
        <translation>Eindeutiger Klassenname</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="152"/>
        <source>0 is the most urgent class; orders classes for the priority policy</source>
        <translation>0 ist die dringendste Klasse; ordnet die Klassen für die Prioritätsstrategie</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="153"/>
        <source>Low-importance requests are relegated first when deadlines slip</source>
        <translation>Anfragen geringer Wichtigkeit werden zuerst zurückgestuft, wenn Fristen nicht zu halten sind</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="154"/>
        <source>Time to first token bound in seconds; empty for none</source>
        <translation>Grenze für die Zeit bis zum ersten Token in Sekunden; leer für keine</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="155"/>
        <source>Time between tokens bound in seconds; empty for none</source>
        <translation>Grenze für die Zeit zwischen Tokens in Sekunden; leer für keine</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="156"/>
        <source>Time to last token bound in seconds; empty for none</source>
        <translation>Grenze für die Zeit bis zum letzten Token in Sekunden; leer für keine</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="157"/>
        <source>The percentile the SLO is judged on, e.g. 99 for p99</source>
        <translation>Das Perzentil, an dem das SLO gemessen wird, z. B. 99 für p99</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="159"/>
        <location filename="../ui/models/class_table_model.cpp" line="244"/>
        <source>Arrivals come from the scenario&apos;s trace</source>
        <translation>Die Ankünfte stammen aus dem Trace des Szenarios</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="160"/>
        <source>Base arrival rate in requests per second; applies when the replay restarts</source>
        <translation>Grundlegende Ankunftsrate in Anfragen pro Sekunde; gilt ab dem Neustart der Wiedergabe</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="162"/>
        <source>What a request that meets its SLO is worth, times the serving model&apos;s accuracy (e.g. 2 for high-priority traffic); routing between model tiers maximises it; applies when the replay restarts</source>
        <translation>Was eine Anfrage wert ist, die ihr SLO einhält, mal die Genauigkeit des bedienenden Modells (z. B. 2 für Verkehr mit hoher Priorität); das Routing zwischen Modellstufen maximiert es; gilt ab dem Neustart der Wiedergabe</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="165"/>
        <source>The tasks of the class&apos;s requests with their shares, e.g. &quot;mmlu 0.6, gsm8k 0.4&quot;; the serving model&apos;s accuracy on each task sets the reward; applies when the replay restarts</source>
        <translation>Die Aufgaben der Anfragen der Klasse mit ihren Anteilen, z. B. „mmlu 0.6, gsm8k 0.4“; die Genauigkeit des bedienenden Modells bei jeder Aufgabe bestimmt die Belohnung; gilt ab dem Neustart der Wiedergabe</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="177"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="178"/>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="179"/>
        <source>Importance</source>
        <translation>Wichtigkeit</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="180"/>
        <source>TTFT (s)</source>
        <translation>TTFT (s)</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="181"/>
        <source>TBT (s)</source>
        <translation>TBT (s)</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="182"/>
        <source>TTLT (s)</source>
        <translation>TTLT (s)</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="183"/>
        <source>Percentile</source>
        <translation>Perzentil</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="184"/>
        <source>Rate (req/s)</source>
        <translation>Rate (Anfr./s)</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="185"/>
        <source>Reward weight</source>
        <translation>Belohnungsgewicht</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="186"/>
        <source>Task mix</source>
        <translation>Aufgabenmix</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="199"/>
        <source>No such class</source>
        <translation>Diese Klasse gibt es nicht</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="219"/>
        <source>The importance must be high, normal or low</source>
        <translation>Die Wichtigkeit muss hoch, normal oder niedrig sein</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="265"/>
        <source>No such column</source>
        <translation>Diese Spalte gibt es nicht</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="357"/>
        <source>A scenario needs at least one class</source>
        <translation>Ein Szenario braucht mindestens eine Klasse</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ConnectDialog</name>
    <message>
        <location filename="../ui/dialogs/connect_dialog.cpp" line="25"/>
        <source>Remember the key (kept unencrypted in the settings)</source>
        <translation>Schlüssel merken (unverschlüsselt in den Einstellungen)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/connect_dialog.cpp" line="27"/>
        <source>Connect to a Remote Pool</source>
        <translation>Mit einem entfernten Pool verbinden</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/connect_dialog.cpp" line="32"/>
        <source>An admin key of the server or router</source>
        <translation>Ein Admin-Schlüssel des Servers oder Routers</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/connect_dialog.cpp" line="33"/>
        <source>Server (headroom-cli serve)</source>
        <translation>Server (headroom-cli serve)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/connect_dialog.cpp" line="34"/>
        <source>Router (headroom-cli route)</source>
        <translation>Router (headroom-cli route)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/connect_dialog.cpp" line="36"/>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/connect_dialog.cpp" line="37"/>
        <source>Admin &amp;key:</source>
        <translation>Admin-&amp;Schlüssel:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/connect_dialog.cpp" line="38"/>
        <source>K&amp;ind:</source>
        <translation>A&amp;rt:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/connect_dialog.cpp" line="41"/>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
</context>
<context>
    <name>headroom::ui::Dashboard</name>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="30"/>
        <source>Latency:</source>
        <translation>Latenz:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="33"/>
        <source>Each class&apos;s SLO metric</source>
        <translation>SLO-Metrik jeder Klasse</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="34"/>
        <source>Queue time</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="35"/>
        <source>Time to first token</source>
        <translation>Zeit bis zum ersten Token</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="36"/>
        <source>Time between tokens (as judged)</source>
        <translation>Zeit zwischen Tokens (wie bewertet)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="38"/>
        <source>Each request&apos;s effective time between tokens against its token deadlines (arrival + TTFT + (n − 1) × TBT): above the SLO line exactly when a token was late</source>
        <translation>Effektive Zeit zwischen Tokens je Anfrage, gemessen an ihren Token-Fristen (Ankunft + TTFT + (n − 1) × TBT): genau dann über der SLO-Linie, wenn ein Token zu spät kam</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="41"/>
        <source>Time to last token</source>
        <translation>Zeit bis zum letzten Token</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="42"/>
        <source>Gap between tokens</source>
        <translation>Abstand zwischen Tokens</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="44"/>
        <source>Every gap between two tokens; no SLO judges a single gap, so no SLO line is drawn</source>
        <translation>Jeder Abstand zwischen zwei Tokens; kein SLO bewertet einen einzelnen Abstand, daher ohne SLO-Linie</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="46"/>
        <source>Window:</source>
        <translation>Zeitfenster:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="48"/>
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="49"/>
        <source>5 minutes</source>
        <translation>5 Minuten</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="50"/>
        <source>10 minutes</source>
        <translation>10 Minuten</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="51"/>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/dashboard.cpp" line="83"/>
        <source>Disconnected: these figures are not live, last update %n s ago</source>
        <translation>
            <numerusform>Getrennt: Diese Werte sind nicht aktuell, letzte Aktualisierung vor %n s</numerusform>
            <numerusform>Getrennt: Diese Werte sind nicht aktuell, letzte Aktualisierung vor %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>headroom::ui::DeployExportDialog</name>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="71"/>
        <source>Limit the fleet&apos;s &amp;GPUs to</source>
        <translation>&amp;GPUs der Flotte begrenzen auf</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="80"/>
        <source>Export the Plan to Kubernetes</source>
        <translation>Plan nach Kubernetes exportieren</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="81"/>
        <source>Kustomize base</source>
        <translation>Kustomize-Basis</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="82"/>
        <source>Gateway API</source>
        <translation>Gateway API</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="85"/>
        <source>The container image with headroom-cli that every server and the router run</source>
        <translation>Das Container-Image mit headroom-cli, das jeder Server und der Router ausführen</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="87"/>
        <source> GPUs</source>
        <translation> GPUs</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="89"/>
        <source>A plan needing more GPUs is refused; the budget also becomes a ResourceQuota</source>
        <translation>Ein Plan, der mehr GPUs braucht, wird abgelehnt; das Budget wird auch zu einer ResourceQuota</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="91"/>
        <source>The Gateway the HTTPRoute attaches to</source>
        <translation>Das Gateway, an das sich die HTTPRoute hängt</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="92"/>
        <source>Made from the plan&apos;s classes, with a placeholder key</source>
        <translation>Aus den Klassen des Plans erzeugt, mit einem Platzhalter-Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="93"/>
        <source>The serving configuration every mode starts from (tenants, keys, limits)</source>
        <translation>Die Serving-Konfiguration, von der jeder Modus ausgeht (Mandanten, Schlüssel, Grenzen)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="94"/>
        <source>A new or empty directory, or one written by an earlier export</source>
        <translation>Ein neues oder leeres Verzeichnis oder eines, das ein früherer Export geschrieben hat</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="99"/>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="101"/>
        <source>&amp;Image:</source>
        <translation>&amp;Image:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="106"/>
        <source>GPU budget:</source>
        <translation>GPU-Budget:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="107"/>
        <source>G&amp;ateway:</source>
        <translation>G&amp;ateway:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="108"/>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="111"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="110"/>
        <source>&amp;Serve configuration:</source>
        <translation>&amp;Serving-Konfiguration:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="113"/>
        <source>&amp;Directory:</source>
        <translation>&amp;Verzeichnis:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="114"/>
        <source>Modes:</source>
        <translation>Modi:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="115"/>
        <source>GPUs:</source>
        <translation>GPUs:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="118"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="126"/>
        <source>%1: no model and hardware</source>
        <translation>%1: kein Modell und keine Hardware</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="129"/>
        <source>%1: %2 on %3, tensor-parallel degree %4, %n instance(s)</source>
        <translation>
            <numerusform>%1: %2 auf %3, Tensor-Parallelgrad %4, %n Instanz</numerusform>
            <numerusform>%1: %2 auf %3, Tensor-Parallelgrad %4, %n Instanzen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="204"/>
        <source>The plan needs %n GPU(s).</source>
        <translation>
            <numerusform>Der Plan braucht %n GPU.</numerusform>
            <numerusform>Der Plan braucht %n GPUs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="207"/>
        <source>That is over the budget of %n GPU(s): the export will be refused.</source>
        <translation>
            <numerusform>Das ist über dem Budget von %n GPU: der Export wird abgelehnt.</numerusform>
            <numerusform>Das ist über dem Budget von %n GPUs: der Export wird abgelehnt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="209"/>
        <source>Within the budget of %n GPU(s).</source>
        <translation>
            <numerusform>Innerhalb des Budgets von %n GPU.</numerusform>
            <numerusform>Innerhalb des Budgets von %n GPUs.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="215"/>
        <source>The Kustomize base, plus per mode an InferencePool, an HTTPRoute weighting each class&apos;s modes and the InferenceObjectives of the Gateway API Inference Extension (its controller must be installed).</source>
        <translation>Die Kustomize-Basis, dazu je Modus ein InferencePool, eine HTTPRoute, die die Modi jeder Klasse gewichtet, und die InferenceObjectives der Gateway API Inference Extension (ihr Controller muss installiert sein).</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="217"/>
        <source>Core kinds only: per mode a Deployment, Service, serve configuration (a Secret: it holds the API keys) and PodDisruptionBudget, and the router as a Deployment and Service with the plan&apos;s shares; runs on any cluster.</source>
        <translation>Nur Kernarten: je Modus ein Deployment, ein Service, die Serving-Konfiguration (ein Secret: sie enthält die API-Schlüssel) und ein PodDisruptionBudget, dazu der Router als Deployment und Service mit den Anteilen des Plans; läuft auf jedem Cluster.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="234"/>
        <source>Serve Configuration</source>
        <translation>Serving-Konfiguration</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="235"/>
        <source>Serving configurations (*.json);;All files (*)</source>
        <translation>Serving-Konfigurationen (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="240"/>
        <source>Export to Directory</source>
        <translation>In Verzeichnis exportieren</translation>
    </message>
</context>
<context>
    <name>headroom::ui::FigureTile</name>
    <message>
        <location filename="../ui/widgets/class_figures_panel.cpp" line="44"/>
        <source>Mean reward per completed request: the class&apos;s reward weight × the serving model&apos;s accuracy on the request&apos;s task when it met its SLO, else 0</source>
        <translation>Mittlere Belohnung je abgeschlossener Anfrage: das Belohnungsgewicht der Klasse × die Genauigkeit des bedienenden Modells bei der Aufgabe der Anfrage, wenn sie ihr SLO einhielt, sonst 0</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_figures_panel.cpp" line="58"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_figures_panel.cpp" line="60"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_figures_panel.cpp" line="62"/>
        <source>SLO met · target %1 %</source>
        <translation>SLO eingehalten · Ziel %1 %</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_figures_panel.cpp" line="63"/>
        <source>goodput %1 req/s</source>
        <translation>Goodput %1 Anfr./s</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_figures_panel.cpp" line="64"/>
        <source>%1 tokens/s</source>
        <translation>%1 Tokens/s</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/class_figures_panel.cpp" line="65"/>
        <source>%n relegated</source>
        <translation>
            <numerusform>%n zurückgestuft</numerusform>
            <numerusform>%n zurückgestuft</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_figures_panel.cpp" line="73"/>
        <source>mean reward %1</source>
        <translation>mittlere Belohnung %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_figures_panel.cpp" line="74"/>
        <source>mean reward —</source>
        <translation>mittlere Belohnung —</translation>
    </message>
</context>
<context>
    <name>headroom::ui::LogPanel</name>
    <message>
        <location filename="../ui/widgets/log_panel.cpp" line="14"/>
        <source>trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <location filename="../ui/widgets/log_panel.cpp" line="15"/>
        <source>debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <location filename="../ui/widgets/log_panel.cpp" line="16"/>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location filename="../ui/widgets/log_panel.cpp" line="17"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../ui/widgets/log_panel.cpp" line="18"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/widgets/log_panel.cpp" line="19"/>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <location filename="../ui/widgets/log_panel.cpp" line="28"/>
        <source>Show from:</source>
        <translation>Anzeigen ab:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/log_panel.cpp" line="34"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
</context>
<context>
    <name>headroom::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="66"/>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="67"/>
        <source>Playing</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="68"/>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="69"/>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="70"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="89"/>
        <location filename="../ui/mainwindow/main_window.cpp" line="403"/>
        <source>Headroom</source>
        <translation>Headroom</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="101"/>
        <source>No scenario</source>
        <translation>Kein Szenario</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="134"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="139"/>
        <location filename="../ui/mainwindow/main_window.cpp" line="425"/>
        <source>&amp;Play</source>
        <translation>&amp;Abspielen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="141"/>
        <source>Play or pause the replay (Space)</source>
        <translation>Wiedergabe abspielen oder anhalten (Leertaste)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="143"/>
        <source>S&amp;tep</source>
        <translation>&amp;Schritt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="145"/>
        <source>Advance %1 s of virtual time, then pause (Ctrl+Right)</source>
        <translation>%1 s virtuelle Zeit vorspulen, dann anhalten (Strg+Rechts)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="147"/>
        <source>&amp;Stop</source>
        <translation>S&amp;topp</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="149"/>
        <source>End the replay; Play starts it again from the beginning (Ctrl+.)</source>
        <translation>Wiedergabe beenden; Abspielen startet sie wieder von vorn (Strg+.)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="151"/>
        <source>&amp;Restart</source>
        <translation>&amp;Neu starten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="153"/>
        <source>Rebuild the replay from the start with the current classes (Ctrl+R)</source>
        <translation>Wiedergabe mit den aktuellen Klassen von vorn aufbauen (Strg+R)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="158"/>
        <source>Real time (1×)</source>
        <translation>Echtzeit (1×)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="159"/>
        <source>10×</source>
        <translation>10×</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="160"/>
        <source>100×</source>
        <translation>100×</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="161"/>
        <source>As fast as possible</source>
        <translation>So schnell wie möglich</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="176"/>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="177"/>
        <source>English</source>
        <translation>Englisch (English)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="178"/>
        <source>German (Deutsch)</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="187"/>
        <source>&amp;About Headroom</source>
        <translation>&amp;Über Headroom</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="193"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="203"/>
        <source>&amp;Replay</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="209"/>
        <source>S&amp;peed</source>
        <translation>&amp;Geschwindigkeit</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="212"/>
        <source>P&amp;ool</source>
        <translation>P&amp;ool</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="216"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="219"/>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="220"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="223"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="226"/>
        <source>Replay</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="236"/>
        <source>Classes and SLOs</source>
        <translation>Klassen und SLOs</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="243"/>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="250"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="259"/>
        <source>Router members</source>
        <translation>Router-Mitglieder</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="325"/>
        <source>no workspace is open</source>
        <translation>kein Arbeitsbereich geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="349"/>
        <location filename="../ui/mainwindow/main_window.cpp" line="369"/>
        <source>Open Scenario</source>
        <translation>Szenario öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="350"/>
        <source>The scenario %1 replaces the setup of the workspace %2: its classes, workload, pool and scheduler settings. Its stored runs and plans are kept. Replace the setup?</source>
        <translation>Das Szenario %1 ersetzt die Konfiguration des Arbeitsbereichs %2: seine Klassen, Last, Pool- und Scheduler-Einstellungen. Seine gespeicherten Läufe und Pläne bleiben erhalten. Konfiguration ersetzen?</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="369"/>
        <source>Scenario files (*.json);;All files (*)</source>
        <translation>Szenariodateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="373"/>
        <source>Cannot open scenario</source>
        <translation>Szenario kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="374"/>
        <source>The scenario could not be opened; the current one stays loaded.

%1</source>
        <translation>Das Szenario konnte nicht geöffnet werden; das aktuelle bleibt geladen.

%1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="380"/>
        <source>About Headroom</source>
        <translation>Über Headroom</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="381"/>
        <source>&lt;h3&gt;Headroom %1&lt;/h3&gt;&lt;p&gt;An operations console for GPU inference pools serving many QoS classes: define classes and their SLOs, replay load scenarios on a simulated pool and watch per class how long requests queue, how fast they are served and how many meet their SLO.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Headroom %1&lt;/h3&gt;&lt;p&gt;Eine Betriebskonsole für GPU-Inferenz-Pools, die viele QoS-Klassen bedienen: Klassen und ihre SLOs festlegen, Lastszenarien auf einem simulierten Pool abspielen und je Klasse verfolgen, wie lange Anfragen warten, wie schnell sie bedient werden und wie viele ihr SLO einhalten.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="403"/>
        <source>%1 — Headroom</source>
        <translation>%1 — Headroom</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="395"/>
        <source>Scenario: %1</source>
        <translation>Szenario: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="131"/>
        <source>Open &amp;Scenario…</source>
        <translation>&amp;Szenario öffnen …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="405"/>
        <source>%1 (%2) — Headroom</source>
        <translation>%1 (%2) — Headroom</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="425"/>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="432"/>
        <source>%1 arrived · %2 completed · %3 met their SLO</source>
        <translation>%1 angekommen · %2 abgeschlossen · %3 im SLO</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="440"/>
        <source>The replay failed: %1</source>
        <translation>Die Wiedergabe ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="451"/>
        <source>The language changes when Headroom starts again.</source>
        <translation>Die Sprache wechselt beim nächsten Start von Headroom.</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ModelMixChart</name>
    <message>
        <location filename="../ui/charts/model_mix_chart.cpp" line="48"/>
        <source>mean reward</source>
        <translation>mittlere Belohnung</translation>
    </message>
    <message>
        <location filename="../ui/charts/model_mix_chart.cpp" line="54"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location filename="../ui/charts/model_mix_chart.cpp" line="60"/>
        <source>reward</source>
        <translation>Belohnung</translation>
    </message>
    <message>
        <location filename="../ui/charts/model_mix_chart.cpp" line="118"/>
        <source>%1 — model mix (% of completions)</source>
        <translation>%1 — Modellmix (% der Abschlüsse)</translation>
    </message>
</context>
<context>
    <name>headroom::ui::PanelChart</name>
    <message>
        <location filename="../ui/charts/panel_chart_style.cpp" line="30"/>
        <source>virtual time (s)</source>
        <translation>virtuelle Zeit (s)</translation>
    </message>
</context>
<context>
    <name>headroom::ui::PlanComparisonModel</name>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="20"/>
        <source>optimal</source>
        <translation>optimal</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="21"/>
        <source>within the gap</source>
        <translation>innerhalb der Optimalitätslücke</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="22"/>
        <source>time limit</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="23"/>
        <source>infeasible</source>
        <translation>unlösbar</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="30"/>
        <location filename="../ui/models/plan_comparison_model.cpp" line="31"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="48"/>
        <source>compliant</source>
        <translation>eingehalten</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="49"/>
        <source>near miss</source>
        <translation>knapp eingehalten</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="50"/>
        <source>over the bound</source>
        <translation>über der Grenze</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="102"/>
        <source>p%1 %2 of class %3 must stay within %4</source>
        <translation>p%1 %2 der Klasse %3 muss innerhalb von %4 bleiben</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="128"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="133"/>
        <source>No prediction: the plan has no solution or the class no traffic</source>
        <translation>Keine Vorhersage: Der Plan hat keine Lösung oder die Klasse keinen Verkehr</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="134"/>
        <source>Predicted p%1 %2 %3 against a bound of %4</source>
        <translation>Vorhergesagt: p%1 %2 %3 bei einer Grenze von %4</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="147"/>
        <source>Bound</source>
        <translation>Grenze</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="148"/>
        <source>Recommended (priority)</source>
        <translation>Empfohlen (Priorität)</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="149"/>
        <source>FCFS baseline</source>
        <translation>FCFS-Basislinie</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="150"/>
        <source>Siloed baseline</source>
        <translation>Silo-Basislinie</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="156"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="157"/>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="158"/>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="161"/>
        <source>%1: p%2 %3</source>
        <translation>%1: p%2 %3</translation>
    </message>
</context>
<context>
    <name>headroom::ui::PlannerPanel</name>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="52"/>
        <source>&amp;Plan</source>
        <translation>&amp;Planen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="53"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="54"/>
        <source>&amp;Apply to Pool</source>
        <translation>Auf Pool &amp;anwenden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="55"/>
        <source>&amp;Verify by Replay</source>
        <translation>Per &amp;Wiedergabe prüfen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="56"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="62"/>
        <source>The most instances a plan may use</source>
        <translation>Die Höchstzahl an Instanzen, die ein Plan verwenden darf</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="63"/>
        <source>Measure each class&apos;s latency curve by replay and compute the fewest instances that keep every class within its bound, with the FCFS and siloed baselines</source>
        <translation>Die Latenzkurve jeder Klasse per Wiedergabe messen und die kleinste Zahl an Instanzen berechnen, mit der jede Klasse innerhalb ihrer Grenze bleibt, samt FCFS- und Silo-Basislinie</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="65"/>
        <source>Set the pool to the recommended instances, route each class by the plan&apos;s shares and order requests by class priority inside instances; the replay restarts</source>
        <translation>Den Pool auf die empfohlenen Instanzen setzen, jede Klasse nach den Anteilen des Plans routen und Anfragen innerhalb der Instanzen nach Klassenpriorität ordnen; die Wiedergabe startet neu</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="67"/>
        <source>Replay the applied pool and compare each class&apos;s measured latency with the prediction</source>
        <translation>Den angewendeten Pool abspielen und die gemessene Latenz jeder Klasse mit der Vorhersage vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="68"/>
        <source>Write the plan as Kubernetes manifests, a Kustomize directory: the same files as headroom-cli deploy</source>
        <translation>Den Plan als Kubernetes-Manifeste schreiben, ein Kustomize-Verzeichnis: dieselben Dateien wie headroom-cli deploy</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="72"/>
        <source>%v of about %m replays</source>
        <translation>%v von etwa %m Wiedergaben</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="77"/>
        <source>Max instances:</source>
        <translation>Max. Instanzen:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="108"/>
        <source>Plan the current scenario&apos;s classes on its model and hardware.</source>
        <translation>Die Klassen des aktuellen Szenarios auf seinem Modell und seiner Hardware planen.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="120"/>
        <source>Class %1: its bound of %2 s (%3) is below its service floor of %4 s on mode %5, its latency with the instance otherwise idle, which no number of instances lowers.</source>
        <translation>Klasse %1: Ihre Grenze von %2 s (%3) liegt unter ihrer Mindestlatenz von %4 s im Modus %5, der Latenz auf einer sonst unbelasteten Instanz, die keine Zahl an Instanzen senkt.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="124"/>
        <source>No mode meets it.</source>
        <translation>Kein Modus hält sie ein.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="126"/>
        <source>Mode %1 meets it (floor %2 s).</source>
        <translation>Modus %1 hält sie ein (Mindestlatenz %2 s).</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="149"/>
        <source>Open a scenario first.</source>
        <translation>Öffnen Sie zuerst ein Szenario.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="156"/>
        <source>This scenario cannot be planned: %1</source>
        <translation>Dieses Szenario kann nicht geplant werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="163"/>
        <source>Measuring latency curves…</source>
        <translation>Latenzkurven werden gemessen …</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="170"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="178"/>
        <location filename="../ui/widgets/planner_panel.cpp" line="262"/>
        <source>Replaying the applied pool…</source>
        <translation>Der angewendete Pool wird abgespielt …</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="180"/>
        <source>Measuring latency curves: %1 of about %2 replays</source>
        <translation>Latenzkurven werden gemessen: %1 von etwa %2 Wiedergaben</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="196"/>
        <source>Recommended: %1 instances with priority routing (FCFS needs %2, siloed %3). %4 curve replays, %5 s.</source>
        <translation>Empfohlen: %1 Instanzen mit Prioritätsrouting (FCFS braucht %2, Silos %3). %4 Kurven-Wiedergaben, %5 s.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="199"/>
        <location filename="../ui/widgets/planner_panel.cpp" line="200"/>
        <source>no plan</source>
        <translation>kein Plan</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="211"/>
        <source>No plan keeps every class within its bound: %1</source>
        <translation>Kein Plan hält jede Klasse innerhalb ihrer Grenze: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/planner_panel.cpp" line="222"/>
        <source>%1: %n instance(s)</source>
        <translation>
            <numerusform>%1: %n Instanz</numerusform>
            <numerusform>%1: %n Instanzen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="223"/>
        <source>%1: no plan</source>
        <translation>%1: kein Plan</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="231"/>
        <source>Apply Plan</source>
        <translation>Plan anwenden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="232"/>
        <source>Applying the plan stops the replay in progress and starts it again from the beginning with the plan&apos;s pool. Apply it now?</source>
        <translation>Das Anwenden des Plans beendet die laufende Wiedergabe und startet sie mit dem Pool des Plans von vorn. Jetzt anwenden?</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="234"/>
        <source>Not applied; the replay goes on.</source>
        <translation>Nicht angewendet; die Wiedergabe läuft weiter.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="244"/>
        <source>Applied: %1 instances, each class routed by the plan&apos;s shares, priority ordering inside instances. The replay starts again from the beginning.</source>
        <translation>Angewendet: %1 Instanzen, jede Klasse nach den Anteilen des Plans geroutet, Ordnung nach Priorität innerhalb der Instanzen. Die Wiedergabe beginnt wieder von vorn.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="250"/>
        <source>The plan could not be applied: %1</source>
        <translation>Der Plan konnte nicht angewendet werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="268"/>
        <source>Nothing to export: plan the scenario first.</source>
        <translation>Nichts zu exportieren: zuerst das Szenario planen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/planner_panel.cpp" line="276"/>
        <source>Exported %n file(s) to %1 (instances: %2, GPUs: %3). Render them with: kubectl kustomize %1</source>
        <translation>
            <numerusform>%n Datei nach %1 exportiert (Instanzen: %2, GPUs: %3). Rendern mit: kubectl kustomize %1</numerusform>
            <numerusform>%n Dateien nach %1 exportiert (Instanzen: %2, GPUs: %3). Rendern mit: kubectl kustomize %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="306"/>
        <source>Not exported, nothing was written: %1</source>
        <translation>Nicht exportiert, nichts wurde geschrieben: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="316"/>
        <source>The replay held every class within its bound.</source>
        <translation>Die Wiedergabe hat jede Klasse innerhalb ihrer Grenze gehalten.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/planner_panel.cpp" line="318"/>
        <source>The replay missed the bound of %n class(es).</source>
        <translation>
            <numerusform>Die Wiedergabe hat die Grenze von %n Klasse verfehlt.</numerusform>
            <numerusform>Die Wiedergabe hat die Grenze von %n Klassen verfehlt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="326"/>
        <source>The planner failed: %1</source>
        <translation>Der Planer ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="334"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>headroom::ui::PoolGroupModel</name>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="43"/>
        <source>Round robin</source>
        <translation>Round Robin</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="44"/>
        <source>Least loaded</source>
        <translation>Geringste Last</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="45"/>
        <source>Class priority</source>
        <translation>Klassenpriorität</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="46"/>
        <source>Weighted (plan shares)</source>
        <translation>Gewichtet (Plananteile)</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="85"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="92"/>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="112"/>
        <source>Unique group name; tier routers and the model mix use it</source>
        <translation>Eindeutiger Gruppenname; Tier-Router und Modellmix verwenden ihn</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="113"/>
        <source>The model every instance of the group serves (resources/models)</source>
        <translation>Das Modell, das jede Instanz der Gruppe bedient (resources/models)</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="114"/>
        <source>The hardware each instance runs on (resources/hardware)</source>
        <translation>Die Hardware, auf der jede Instanz läuft (resources/hardware)</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="115"/>
        <source>GPUs per instance; 0 for the model file&apos;s default</source>
        <translation>GPUs je Instanz; 0 für den Standard der Modelldatei</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="116"/>
        <source>Instances in the group</source>
        <translation>Instanzen der Gruppe</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="117"/>
        <source>How the group spreads its requests over its instances</source>
        <translation>Wie die Gruppe ihre Anfragen auf ihre Instanzen verteilt</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="128"/>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="129"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="130"/>
        <source>Hardware</source>
        <translation>Hardware</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="131"/>
        <source>Tensor parallel</source>
        <translation>Tensor-Parallelität</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="132"/>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="133"/>
        <source>Instance router</source>
        <translation>Instanz-Router</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="147"/>
        <source>No such group</source>
        <translation>Keine solche Gruppe</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="149"/>
        <source>A constant iteration time has no model or hardware.</source>
        <translation>Eine konstante Iterationszeit hat kein Modell und keine Hardware.</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="162"/>
        <source>Choose one of the models: %1.</source>
        <translation>Wählen Sie eines der Modelle: %1.</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="168"/>
        <source>Choose one of the hardware profiles: %1.</source>
        <translation>Wählen Sie eines der Hardwareprofile: %1.</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="173"/>
        <source>The tensor-parallel degree must be a whole number, 0 for the model&apos;s default.</source>
        <translation>Der Grad der Tensor-Parallelität muss eine ganze Zahl sein, 0 für den Standard des Modells.</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="179"/>
        <source>A group has from 1 to %1 instances.</source>
        <translation>Eine Gruppe hat 1 bis %1 Instanzen.</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="184"/>
        <source>The instance router must be round robin, least loaded, class priority or weighted.</source>
        <translation>Der Instanz-Router muss Round Robin, geringste Last, Klassenpriorität oder gewichtet sein.</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="186"/>
        <source>No such column</source>
        <translation>Keine solche Spalte</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="234"/>
        <source>A pool holds at most %1 groups.</source>
        <translation>Ein Pool hat höchstens %1 Gruppen.</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="255"/>
        <source>A pool needs at least one group.</source>
        <translation>Ein Pool braucht mindestens eine Gruppe.</translation>
    </message>
</context>
<context>
    <name>headroom::ui::PoolPanel</name>
    <message>
        <location filename="../ui/widgets/pool_panel.cpp" line="19"/>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <location filename="../ui/widgets/pool_panel.cpp" line="29"/>
        <source>&amp;Add Instance</source>
        <translation>Instanz &amp;hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/pool_panel.cpp" line="31"/>
        <source>Add one instance to the running replay&apos;s pool; it takes new arrivals at once</source>
        <translation>Dem Pool der laufenden Wiedergabe eine Instanz hinzufügen; sie nimmt sofort neue Ankünfte an</translation>
    </message>
    <message>
        <location filename="../ui/widgets/pool_panel.cpp" line="32"/>
        <source>&amp;Remove Instance</source>
        <translation>Instanz &amp;entfernen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/pool_panel.cpp" line="34"/>
        <source>Drain the selected instance (else the newest): its queued requests move to the others, its running ones finish, then it leaves the pool</source>
        <translation>Die ausgewählte Instanz (sonst die neueste) leeren: Ihre wartenden Anfragen wechseln zu den anderen, ihre laufenden werden abgeschlossen, dann verlässt sie den Pool</translation>
    </message>
</context>
<context>
    <name>headroom::ui::PoolTableModel</name>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="121"/>
        <source>instance %1</source>
        <translation>Instanz %1</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="124"/>
        <source>draining</source>
        <translation>wird geleert</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="125"/>
        <source>running</source>
        <translation>rechnet</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="125"/>
        <source>idle</source>
        <translation>frei</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="127"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="128"/>
        <location filename="../ui/models/pool_table_model.cpp" line="129"/>
        <location filename="../ui/models/pool_table_model.cpp" line="135"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="130"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="142"/>
        <source>%1 waiting, %2 relegated</source>
        <translation>%1 wartend, %2 zurückgestuft</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="145"/>
        <source>%1 of %2 tokens in the last iteration</source>
        <translation>%1 von %2 Tokens in der letzten Iteration</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="157"/>
        <source>The pool group (one model on one hardware) the instance belongs to</source>
        <translation>Die Pool-Gruppe (ein Modell auf einer Hardware), zu der die Instanz gehört</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="158"/>
        <source>Tokens of the last iteration against the most one iteration may hold: spare room per batch</source>
        <translation>Tokens der letzten Iteration im Verhältnis zum Höchstwert einer Iteration: freier Platz je Batch</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="159"/>
        <source>Share of the KV cache in use</source>
        <translation>Belegter Anteil des KV-Caches</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="160"/>
        <source>Prompt tokens not yet computed, in seconds at this instance&apos;s recent prefill rate</source>
        <translation>Noch nicht berechnete Prompt-Tokens, in Sekunden bei der jüngsten Prefill-Rate dieser Instanz</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="161"/>
        <source>Requests waiting to start (waiting + relegated)</source>
        <translation>Anfragen, die auf den Start warten (wartend + zurückgestuft)</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="163"/>
        <source>Share of the recent time spent running iterations; a few decodes keep an instance busy, so this does not show spare capacity</source>
        <translation>Anteil der jüngsten Zeit mit laufenden Iterationen; schon wenige Decodes halten eine Instanz beschäftigt, daher zeigt dies keine freie Kapazität</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="171"/>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="172"/>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="173"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="174"/>
        <source>Batch fill</source>
        <translation>Batch-Füllung</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="175"/>
        <source>KV cache</source>
        <translation>KV-Cache</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="176"/>
        <source>Queued work</source>
        <translation>Wartende Arbeit</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="177"/>
        <source>Busy</source>
        <translation>Beschäftigt</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="178"/>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="179"/>
        <source>Running</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="180"/>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="181"/>
        <source>Batch tokens</source>
        <translation>Batch-Tokens</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="182"/>
        <source>Iterations</source>
        <translation>Iterationen</translation>
    </message>
</context>
<context>
    <name>headroom::ui::RemoteBridge</name>
    <message>
        <location filename="../ui/bridge/remote_bridge.cpp" line="46"/>
        <source>The address must be http://host:port or https://host:port.</source>
        <translation>Die Adresse muss http://host:port oder https://host:port lauten.</translation>
    </message>
    <message>
        <location filename="../ui/bridge/remote_bridge.cpp" line="48"/>
        <source>The server refused the key (401).</source>
        <translation>Der Server hat den Schlüssel abgelehnt (401).</translation>
    </message>
    <message>
        <location filename="../ui/bridge/remote_bridge.cpp" line="49"/>
        <source>This key is not an admin key (403).</source>
        <translation>Dieser Schlüssel ist kein Admin-Schlüssel (403).</translation>
    </message>
    <message>
        <location filename="../ui/bridge/remote_bridge.cpp" line="50"/>
        <source>The server cannot be reached.</source>
        <translation>Der Server ist nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../ui/bridge/remote_bridge.cpp" line="51"/>
        <source>The secure (TLS) connection failed.</source>
        <translation>Die sichere Verbindung (TLS) ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../ui/bridge/remote_bridge.cpp" line="52"/>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <location filename="../ui/bridge/remote_bridge.cpp" line="53"/>
        <source>The connection was lost.</source>
        <translation>Die Verbindung ist abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/bridge/remote_bridge.cpp" line="54"/>
        <source>The server answered %1.</source>
        <translation>Der Server antwortete mit %1.</translation>
    </message>
    <message>
        <location filename="../ui/bridge/remote_bridge.cpp" line="55"/>
        <source>The server&apos;s answer could not be read.</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../ui/bridge/remote_bridge.cpp" line="57"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/bridge/remote_bridge.cpp" line="236"/>
        <source>The router runs without re-planning: start it with --replan advisory (or auto) to see its recommendation here.</source>
        <translation>Der Router läuft ohne Neuplanung: mit --replan advisory (oder auto) starten, um seine Empfehlung hier zu sehen.</translation>
    </message>
</context>
<context>
    <name>headroom::ui::RemoteController</name>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="20"/>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="21"/>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="23"/>
        <source>Show a remote server&apos;s pool live, or link a router for the planner&apos;s shares</source>
        <translation>Den Pool eines entfernten Servers live zeigen oder einen Router für die Anteile des Planers anbinden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="24"/>
        <source>Return to the embedded pool</source>
        <translation>Zum eingebetteten Pool zurückkehren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="38"/>
        <source>Connected to %1.</source>
        <translation>Verbunden mit %1.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="43"/>
        <source>Could not connect: %1 The embedded pool is shown.</source>
        <translation>Verbindung fehlgeschlagen: %1 Der eingebettete Pool wird angezeigt.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="46"/>
        <source>Remote pool: %1 Reconnecting…</source>
        <translation>Entfernter Pool: %1 Neue Verbindung wird aufgebaut …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="65"/>
        <source>The server took the class changes.</source>
        <translation>Der Server hat die Klassenänderungen übernommen.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="66"/>
        <source>The router took the plan&apos;s shares.</source>
        <translation>Der Router hat die Anteile des Plans übernommen.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="68"/>
        <source>The remote change failed: %1</source>
        <translation>Die entfernte Änderung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="99"/>
        <source>Could not connect: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="103"/>
        <source>Pool: connecting to %1…</source>
        <translation>Pool: Verbindung zu %1 …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="109"/>
        <source>Disconnected; the embedded pool is shown.</source>
        <translation>Getrennt; der eingebettete Pool wird angezeigt.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="139"/>
        <source>Pool: embedded</source>
        <translation>Pool: eingebettet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="141"/>
        <source>Pool: server %1, disconnected</source>
        <translation>Pool: Server %1, getrennt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="143"/>
        <source>Pool: server %1</source>
        <translation>Pool: Server %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="145"/>
        <source>Pool: embedded · router %1, not answering</source>
        <translation>Pool: eingebettet · Router %1, antwortet nicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="147"/>
        <source>Pool: embedded · router %1</source>
        <translation>Pool: eingebettet · Router %1</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ReplanModeModel</name>
    <message>
        <location filename="../ui/models/replan_mode_model.cpp" line="66"/>
        <location filename="../ui/models/replan_mode_model.cpp" line="68"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../ui/models/replan_mode_model.cpp" line="69"/>
        <source>no change</source>
        <translation>keine Änderung</translation>
    </message>
    <message>
        <location filename="../ui/models/replan_mode_model.cpp" line="70"/>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <location filename="../ui/models/replan_mode_model.cpp" line="70"/>
        <source>−%1</source>
        <translation>−%1</translation>
    </message>
    <message>
        <location filename="../ui/models/replan_mode_model.cpp" line="80"/>
        <source>Instances of the plan the re-planner holds after its hysteresis and budget: what the fleet should run, and what KEDA follows (headroom_router_desired_instances)</source>
        <translation>Instanzen des Plans, den der Neuplaner nach seiner Hysterese und seinem Budget führt: was die Flotte betreiben soll und dem KEDA folgt (headroom_router_desired_instances)</translation>
    </message>
    <message>
        <location filename="../ui/models/replan_mode_model.cpp" line="82"/>
        <source>Instances the last solve asks for at the measured rates, before the hysteresis and the budget (headroom_router_recommended_instances)</source>
        <translation>Instanzen, die die letzte Lösung bei den gemessenen Raten verlangt, vor Hysterese und Budget (headroom_router_recommended_instances)</translation>
    </message>
    <message>
        <location filename="../ui/models/replan_mode_model.cpp" line="90"/>
        <source>Desired</source>
        <translation>Gewünscht</translation>
    </message>
    <message>
        <location filename="../ui/models/replan_mode_model.cpp" line="89"/>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <location filename="../ui/models/replan_mode_model.cpp" line="91"/>
        <source>Recommended</source>
        <translation>Empfohlen</translation>
    </message>
    <message>
        <location filename="../ui/models/replan_mode_model.cpp" line="92"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ReplanPanel</name>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="36"/>
        <source>Scaled up</source>
        <translation>Hochskaliert</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="37"/>
        <source>Scaled down</source>
        <translation>Herunterskaliert</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="38"/>
        <source>Rebalanced the shares</source>
        <translation>Anteile neu verteilt</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="39"/>
        <source>Refused (over the budget)</source>
        <translation>Abgelehnt (über dem Budget)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="40"/>
        <source>Applied by an operator</source>
        <translation>Von einem Operator angewandt</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="43"/>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="43"/>
        <source>Kept the current plan</source>
        <translation>Aktuellen Plan beibehalten</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/replan_panel.cpp" line="61"/>
        <source>%1: %n instance(s)</source>
        <translation>
            <numerusform>%1: %n Instanz</numerusform>
            <numerusform>%1: %n Instanzen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/replan_panel.cpp" line="69"/>
        <source>%1 — %2 (decision %3, %n s ago)</source>
        <translation>
            <numerusform>%1 — %2 (Entscheidung %3, vor %n s)</numerusform>
            <numerusform>%1 — %2 (Entscheidung %3, vor %n s)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="75"/>
        <source>Connected router: live recommendation</source>
        <translation>Verbundener Router: aktuelle Empfehlung</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="83"/>
        <source>Apply &amp;Recommendation</source>
        <translation>&amp;Empfehlung anwenden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="93"/>
        <source>Have the router route each class by the recommended plan&apos;s shares now. The router starts and stops no instance: scale the Deployments, or let KEDA or an HPA follow headroom_router_desired_instances</source>
        <translation>Den Router jede Klasse jetzt nach den Anteilen des empfohlenen Plans verteilen lassen. Der Router startet und stoppt keine Instanz: die Deployments skalieren oder KEDA bzw. einen HPA headroom_router_desired_instances folgen lassen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="153"/>
        <source>The re-planning status could not be read: %1</source>
        <translation>Der Neuplanungsstatus konnte nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/replan_panel.cpp" line="163"/>
        <source>The router does not answer: this recommendation is not live, last update %n s ago</source>
        <translation>
            <numerusform>Der Router antwortet nicht: diese Empfehlung ist nicht aktuell, letzte Aktualisierung vor %n s</numerusform>
            <numerusform>Der Router antwortet nicht: diese Empfehlung ist nicht aktuell, letzte Aktualisierung vor %n s</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="173"/>
        <source>Apply Recommendation</source>
        <translation>Empfehlung anwenden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="174"/>
        <source>Have the router at %1 route by decision %2&apos;s plan (%3) now? The router starts and stops no instance: scale the Deployments to match, or let KEDA or an HPA follow headroom_router_desired_instances.</source>
        <translation>Soll der Router unter %1 jetzt nach dem Plan der Entscheidung %2 (%3) verteilen? Der Router startet und stoppt keine Instanz: die Deployments passend skalieren oder KEDA bzw. einen HPA headroom_router_desired_instances folgen lassen.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="180"/>
        <source>Not applied.</source>
        <translation>Nicht angewandt.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="184"/>
        <source>Applying decision %1…</source>
        <translation>Entscheidung %1 wird angewandt…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="192"/>
        <source>Applied decision %1: the router routes by its plan.</source>
        <translation>Entscheidung %1 angewandt: der Router verteilt nach ihrem Plan.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="199"/>
        <source>Not applied: %1</source>
        <translation>Nicht angewandt: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="210"/>
        <source>Not connected to a router. Pool &gt; Connect… to a router started with --replan advisory shows its live recommendation here, with why it changed.</source>
        <translation>Nicht mit einem Router verbunden. Pool &gt; Verbinden… mit einem Router, der mit --replan advisory gestartet wurde, zeigt hier seine aktuelle Empfehlung und warum sie sich geändert hat.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="216"/>
        <source>Router %1: reading its re-planning status…</source>
        <translation>Router %1: Neuplanungsstatus wird gelesen…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="221"/>
        <source>auto: applies its plans</source>
        <translation>auto: wendet seine Pläne an</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="221"/>
        <source>advisory: recommends only</source>
        <translation>advisory: empfiehlt nur</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/replan_panel.cpp" line="222"/>
        <source>Router %1 re-plans every %2 s (%3); %n change(s) so far.</source>
        <translation>
            <numerusform>Router %1 plant alle %2 s neu (%3); bisher %n Änderung.</numerusform>
            <numerusform>Router %1 plant alle %2 s neu (%3); bisher %n Änderungen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="224"/>
        <source>Budget: %1 GPUs.</source>
        <translation>Budget: %1 GPUs.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="227"/>
        <source>No solve yet: the first comes one interval after the router started.</source>
        <translation>Noch keine Lösung: die erste kommt ein Intervall nach dem Start des Routers.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="231"/>
        <source>Why: %1</source>
        <translation>Warum: %1</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ReplanRateModel</name>
    <message>
        <location filename="../ui/models/replan_rate_model.cpp" line="53"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../ui/models/replan_rate_model.cpp" line="62"/>
        <source>Arrivals at the router per second, a moving average over the window</source>
        <translation>Ankünfte am Router pro Sekunde, gleitender Mittelwert über das Fenster</translation>
    </message>
    <message>
        <location filename="../ui/models/replan_rate_model.cpp" line="63"/>
        <source>The rate the last solve planned for: the larger of the two averages, so a short lull never shrinks the plan</source>
        <translation>Die Rate, für die die letzte Lösung geplant hat: der größere der beiden Mittelwerte, damit eine kurze Flaute den Plan nie verkleinert</translation>
    </message>
    <message>
        <location filename="../ui/models/replan_rate_model.cpp" line="64"/>
        <source>The rate the desired plan (the one the re-planner holds) was made for, summed over its modes</source>
        <translation>Die Rate, für die der gewünschte Plan (den der Neuplaner führt) gemacht wurde, summiert über seine Modi</translation>
    </message>
    <message>
        <location filename="../ui/models/replan_rate_model.cpp" line="74"/>
        <source>Desired plan
(req/s)</source>
        <translation>Gewünschter Plan
(Anfr./s)</translation>
    </message>
    <message>
        <location filename="../ui/models/replan_rate_model.cpp" line="70"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../ui/models/replan_rate_model.cpp" line="71"/>
        <location filename="../ui/models/replan_rate_model.cpp" line="72"/>
        <source>Measured, %1 s
(req/s)</source>
        <translation>Gemessen, %1 s
(Anfr./s)</translation>
    </message>
    <message>
        <location filename="../ui/models/replan_rate_model.cpp" line="73"/>
        <source>Planned for
(req/s)</source>
        <translation>Geplant für
(Anfr./s)</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ReplayControls</name>
    <message>
        <location filename="../ui/widgets/replay_controls.cpp" line="36"/>
        <source>Speed:</source>
        <translation>Geschwindigkeit:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replay_controls.cpp" line="40"/>
        <source>1× (real time)</source>
        <translation>1× (Echtzeit)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replay_controls.cpp" line="41"/>
        <source>10×</source>
        <translation>10×</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replay_controls.cpp" line="42"/>
        <source>100×</source>
        <translation>100×</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replay_controls.cpp" line="43"/>
        <source>As fast as possible</source>
        <translation>So schnell wie möglich</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replay_controls.cpp" line="44"/>
        <source>Virtual seconds replayed per wall-clock second</source>
        <translation>Abgespielte virtuelle Sekunden je realer Sekunde</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replay_controls.cpp" line="51"/>
        <location filename="../ui/widgets/replay_controls.cpp" line="72"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replay_controls.cpp" line="52"/>
        <source>Virtual time elapsed / scenario length</source>
        <translation>Verstrichene virtuelle Zeit / Länge des Szenarios</translation>
    </message>
</context>
<context>
    <name>headroom::ui::RouteMemberTableModel</name>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="44"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="45"/>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="46"/>
        <source>QUIC</source>
        <translation>QUIC</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="52"/>
        <source>round robin</source>
        <translation>Round Robin</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="53"/>
        <source>first come, first served</source>
        <translation>in Ankunftsreihenfolge</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="54"/>
        <source>absolute priority</source>
        <translation>absolute Priorität</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="55"/>
        <source>earliest deadline first</source>
        <translation>früheste Frist zuerst</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="56"/>
        <source>multi-level</source>
        <translation>mehrstufig</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="62"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="63"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="168"/>
        <location filename="../ui/models/route_member_table_model.cpp" line="177"/>
        <location filename="../ui/models/route_member_table_model.cpp" line="183"/>
        <location filename="../ui/models/route_member_table_model.cpp" line="187"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="169"/>
        <source>up</source>
        <translation>erreichbar</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="169"/>
        <source>down</source>
        <translation>ausgefallen</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="183"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="219"/>
        <source>an OpenAI-compatible server</source>
        <translation>ein OpenAI-kompatibler Server</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="219"/>
        <source>a Headroom server</source>
        <translation>ein Headroom-Server</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="220"/>
        <source>%1 at %2: %3</source>
        <translation>%1 unter %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="223"/>
        <source>Streams of class %1 to member %2</source>
        <translation>Streams der Klasse %1 zum Mitglied %2</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="226"/>
        <source>Only QUIC members count streams</source>
        <translation>Nur QUIC-Mitglieder zählen Streams</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="235"/>
        <source>How the router reaches the member: HTTP/1.1, HTTP/1.1 over TLS, or QUIC with one stream per request</source>
        <translation>Wie der Router das Mitglied erreicht: HTTP/1.1, HTTP/1.1 über TLS oder QUIC mit einem Stream je Anfrage</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="236"/>
        <source>The order in which the router sends its QUIC streams to the member</source>
        <translation>Die Reihenfolge, in der der Router seine QUIC-Streams an das Mitglied sendet</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="237"/>
        <source>Down: the member failed a request or its health check and gets no requests for now</source>
        <translation>Ausgefallen: Das Mitglied hat eine Anfrage oder seine Zustandsprüfung nicht bestanden und erhält vorerst keine Anfragen</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="238"/>
        <source>Requests the router is waiting on at this member</source>
        <translation>Anfragen, auf deren Antwort der Router bei diesem Mitglied wartet</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="239"/>
        <source>Streams whose whole answer arrived</source>
        <translation>Streams, deren Antwort vollständig angekommen ist</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="241"/>
        <source>Share of the streams that completed within their class&apos;s deadline, of those that completed or were dropped at the deadline</source>
        <translation>Anteil der Streams, die innerhalb der Frist ihrer Klasse abgeschlossen wurden, an allen abgeschlossenen oder an der Frist verworfenen</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="243"/>
        <source>Streams reset because their deadline passed; their clients got an error</source>
        <translation>Streams, die wegen abgelaufener Frist abgebrochen wurden; ihre Clients erhielten einen Fehler</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="244"/>
        <source>Median time from opening a stream to its last byte</source>
        <translation>Median der Zeit vom Öffnen eines Streams bis zu seinem letzten Byte</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="245"/>
        <source>99th percentile of the time from opening a stream to its last byte</source>
        <translation>99. Perzentil der Zeit vom Öffnen eines Streams bis zu seinem letzten Byte</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="246"/>
        <source>Payload bytes the router sent on the streams</source>
        <translation>Nutzdaten in Bytes, die der Router auf den Streams gesendet hat</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="247"/>
        <source>Payload bytes the router received on the streams</source>
        <translation>Nutzdaten in Bytes, die der Router auf den Streams empfangen hat</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="248"/>
        <source>Packets of these streams that QUIC declared lost and sent again</source>
        <translation>Pakete dieser Streams, die QUIC als verloren erkannt und erneut gesendet hat</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="255"/>
        <source>Member / class</source>
        <translation>Mitglied / Klasse</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="256"/>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="257"/>
        <source>Scheduler</source>
        <translation>Scheduler</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="258"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="259"/>
        <source>In flight</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="260"/>
        <source>Streams</source>
        <translation>Streams</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="261"/>
        <source>Within deadline</source>
        <translation>Innerhalb der Frist</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="262"/>
        <source>Dropped at deadline</source>
        <translation>An der Frist verworfen</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="263"/>
        <source>Completion p50</source>
        <translation>Abschluss p50</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="264"/>
        <source>Completion p99</source>
        <translation>Abschluss p99</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="265"/>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="266"/>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="267"/>
        <source>Lost packets</source>
        <translation>Verlorene Pakete</translation>
    </message>
</context>
<context>
    <name>headroom::ui::RouteMembersPanel</name>
    <message numerus="yes">
        <location filename="../ui/widgets/route_members_panel.cpp" line="57"/>
        <source>The router does not answer: these figures are not live, last update %n s ago</source>
        <translation>
            <numerusform>Der Router antwortet nicht: Diese Werte sind nicht aktuell, letzte Aktualisierung vor %n s</numerusform>
            <numerusform>Der Router antwortet nicht: Diese Werte sind nicht aktuell, letzte Aktualisierung vor %n s</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/widgets/route_members_panel.cpp" line="70"/>
        <source>Not connected to a router. Pool &gt; Connect… with “Router” shows its members, their transport and per-class stream figures here.</source>
        <translation>Nicht mit einem Router verbunden. Pool Pool &gt; Verbinden… mit „Router“gt; Verbinden … mit „Router“ zeigt hier seine Mitglieder, ihren Transport und die Stream-Zahlen je Klasse.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/route_members_panel.cpp" line="76"/>
        <source>Router %1: reading its members…</source>
        <translation>Router %1: Mitglieder werden gelesen…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/route_members_panel.cpp" line="85"/>
        <source>Router %1 · members up: %2 of %3</source>
        <translation>Router %1 · erreichbare Mitglieder: %2 von %3</translation>
    </message>
</context>
<context>
    <name>headroom::ui::RuleText</name>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="15"/>
        <source>Must be a number of seconds above 0.</source>
        <translation>Muss eine Sekundenzahl über 0 sein.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="17"/>
        <source>Must be at least one microsecond (0.000001 s), the engine&apos;s time step.</source>
        <translation>Muss mindestens eine Mikrosekunde (0,000001 s) sein, der Zeitschritt der Engine.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="19"/>
        <source>Must be at most %1 seconds.</source>
        <translation>Darf höchstens %1 Sekunden betragen.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="26"/>
        <source>A class needs a name.</source>
        <translation>Eine Klasse braucht einen Namen.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="28"/>
        <source>A class name has at most %1 bytes (UTF-8).</source>
        <translation>Ein Klassenname hat höchstens %1 Bytes (UTF-8).</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="29"/>
        <source>Another class is already named &quot;%1&quot;.</source>
        <translation>Eine andere Klasse heißt bereits „%1“.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="31"/>
        <source>The rank must be a whole number from 0 to %1.</source>
        <translation>Der Rang muss eine ganze Zahl von 0 bis %1 sein.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="38"/>
        <source>A class needs at least one bound: TTFT, TBT or TTLT.</source>
        <translation>Eine Klasse braucht mindestens eine Grenze: TTFT, TBT oder TTLT.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="43"/>
        <source>The percentile must be a number above %1 and at most %2, e.g. 99 for p99 or 100 for every request.</source>
        <translation>Das Perzentil muss eine Zahl über %1 und höchstens %2 sein, z. B. 99 für p99 oder 100 für jede Anfrage.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="45"/>
        <source>The TTFT bound cannot exceed the TTLT bound.</source>
        <translation>Die TTFT-Grenze darf die TTLT-Grenze nicht überschreiten.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="46"/>
        <source>The TBT bound cannot exceed the TTLT bound.</source>
        <translation>Die TBT-Grenze darf die TTLT-Grenze nicht überschreiten.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="54"/>
        <source>Must be none, fixed:N with N above 0, or dynamic.</source>
        <translation>Muss none, fixed:N mit N über 0 oder dynamic sein.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="65"/>
        <source>The rate must be a number of requests per second, 0 or more.</source>
        <translation>Die Rate muss eine Zahl von Anfragen pro Sekunde sein, 0 oder mehr.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="67"/>
        <source>The CV must be a number above 0, at most %1.</source>
        <translation>Der CV muss eine Zahl über 0 sein, höchstens %1.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="69"/>
        <source>Phase %1: the start must be a number of seconds, 0 or more.</source>
        <translation>Phase %1: Der Beginn muss eine Sekundenzahl sein, 0 oder mehr.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="71"/>
        <source>Phase %1: the rate must be a number of requests per second, 0 or more.</source>
        <translation>Phase %1: Die Rate muss eine Zahl von Anfragen pro Sekunde sein, 0 oder mehr.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="74"/>
        <source>Phase %1: phases must be in time order (start at %2 s or later).</source>
        <translation>Phase %1: Phasen müssen zeitlich geordnet sein (Beginn bei %2 s oder später).</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="80"/>
        <source>Phase %1: may not start inside the previous ramp (start at %2 s or later).</source>
        <translation>Phase %1: darf nicht innerhalb der vorigen Rampe beginnen (Beginn bei %2 s oder später).</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="85"/>
        <source>Phase %1: a ramp&apos;s end must be a number of seconds after its start.</source>
        <translation>Phase %1: Das Ende einer Rampe muss eine Sekundenzahl nach ihrem Beginn sein.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="93"/>
        <source>The reward weight must be a number above 0, at most %1.</source>
        <translation>Das Belohnungsgewicht muss eine Zahl über 0 sein, höchstens %1.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="94"/>
        <source>Every task of the mix needs a name.</source>
        <translation>Jede Aufgabe des Mixes braucht einen Namen.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="96"/>
        <source>A task name has at most %1 bytes (UTF-8).</source>
        <translation>Ein Aufgabenname hat höchstens %1 Bytes (UTF-8).</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="97"/>
        <source>The task &quot;%1&quot; is named twice.</source>
        <translation>Die Aufgabe „%1“ ist doppelt genannt.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="99"/>
        <source>The share of task &quot;%1&quot; must be a number above 0.</source>
        <translation>Der Anteil der Aufgabe „%1“ muss eine Zahl über 0 sein.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="106"/>
        <source>A group needs a name.</source>
        <translation>Eine Gruppe braucht einen Namen.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="108"/>
        <source>A group name has at most %1 bytes (UTF-8).</source>
        <translation>Ein Gruppenname hat höchstens %1 Bytes (UTF-8).</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="109"/>
        <source>Another group is already named &quot;%1&quot;.</source>
        <translation>Eine andere Gruppe heißt bereits „%1“.</translation>
    </message>
</context>
<context>
    <name>headroom::ui::RunCompareDialog</name>
    <message>
        <location filename="../ui/dialogs/run_compare_dialog.cpp" line="21"/>
        <source>Compare Runs</source>
        <translation>Läufe vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/run_compare_dialog.cpp" line="25"/>
        <source>a: %1 (id %2, %3, %4)
b: %5 (id %6, %7, %8)</source>
        <translation>a: %1 (ID %2, %3, %4)
b: %5 (ID %6, %7, %8)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/run_compare_dialog.cpp" line="35"/>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/run_compare_dialog.cpp" line="40"/>
        <source>Both runs ran with the same settings.</source>
        <translation>Beide Läufe liefen mit denselben Einstellungen.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/run_compare_dialog.cpp" line="41"/>
        <source>Changed from a to b:
%1</source>
        <translation>Von a nach b geändert:
%1</translation>
    </message>
</context>
<context>
    <name>headroom::ui::RunComparisonModel</name>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="60"/>
        <source>Every request of the run: attainment and goodput over all classes; the classes watch different latencies, so there is none to compare here</source>
        <translation>Alle Anfragen des Laufs: Einhaltung und Goodput über alle Klassen; die Klassen beobachten verschiedene Latenzen, daher gibt es hier keine zu vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="65"/>
        <source>All classes</source>
        <translation>Alle Klassen</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="97"/>
        <source>Run a: %1 (id %2)</source>
        <translation>Lauf a: %1 (ID %2)</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="98"/>
        <source>Run b: %1 (id %2)</source>
        <translation>Lauf b: %1 (ID %2)</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="99"/>
        <source>Run b minus run a</source>
        <translation>Lauf b minus Lauf a</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="100"/>
        <source>The latency the class is judged on, at its SLO percentile</source>
        <translation>Die Latenz, an der die Klasse gemessen wird, bei ihrem SLO-Perzentil</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="106"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="107"/>
        <source>Watched</source>
        <translation>Überwacht</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="108"/>
        <source>Attainment a</source>
        <translation>Einhaltung a</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="109"/>
        <source>Attainment b</source>
        <translation>Einhaltung b</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="110"/>
        <source>Δ attainment</source>
        <translation>Δ Einhaltung</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="111"/>
        <source>Goodput a</source>
        <translation>Goodput a</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="112"/>
        <source>Goodput b</source>
        <translation>Goodput b</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="113"/>
        <source>Δ goodput</source>
        <translation>Δ Goodput</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="114"/>
        <source>Latency a</source>
        <translation>Latenz a</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="115"/>
        <source>Latency b</source>
        <translation>Latenz b</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="116"/>
        <source>Δ latency</source>
        <translation>Δ Latenz</translation>
    </message>
</context>
<context>
    <name>headroom::ui::RunTableModel</name>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="51"/>
        <source>%1 / %2 s</source>
        <translation>%1 / %2 s</translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="67"/>
        <source>Set by the applied plan %1</source>
        <translation>Vom angewendeten Plan %1 gesetzt</translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="70"/>
        <source>Requests that met their SLO, of those completed, over all classes</source>
        <translation>Anteil der abgeschlossenen Anfragen, die ihr SLO einhielten, über alle Klassen</translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="73"/>
        <source>The process ended while this run was recording; it is kept up to its last saved sample.</source>
        <translation>Der Prozess endete, während dieser Lauf aufgezeichnet wurde; er bleibt bis zu seinem zuletzt gespeicherten Messpunkt erhalten.</translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="82"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="83"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="84"/>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="85"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="86"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="87"/>
        <source>Virtual time</source>
        <translation>Virtuelle Zeit</translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="88"/>
        <source>Attainment</source>
        <translation>Einhaltung</translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="89"/>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="90"/>
        <source>Policy</source>
        <translation>Strategie</translation>
    </message>
</context>
<context>
    <name>headroom::ui::RunsPanel</name>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="34"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="35"/>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="36"/>
        <source>&amp;Export…</source>
        <translation>E&amp;xportieren …</translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="37"/>
        <source>Read the run list from the workspace again</source>
        <translation>Die Liste der Läufe erneut aus dem Arbeitsbereich lesen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="38"/>
        <source>Compare the two selected runs class by class</source>
        <translation>Die beiden ausgewählten Läufe Klasse für Klasse vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="39"/>
        <source>Write the selected run&apos;s report as PDF, HTML or CSV; with two runs selected the report compares the later with the earlier</source>
        <translation>Den Bericht des ausgewählten Laufs als PDF, HTML oder CSV schreiben; sind zwei Läufe ausgewählt, vergleicht der Bericht den späteren mit dem früheren</translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="83"/>
        <source>Cannot read the runs: %1</source>
        <translation>Die Läufe können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="88"/>
        <location filename="../ui/widgets/runs_panel.cpp" line="119"/>
        <source>No workspace is open.</source>
        <translation>Kein Arbeitsbereich geöffnet.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="90"/>
        <source>No runs yet: every replay is stored as a run.</source>
        <translation>Noch keine Läufe: Jede Wiedergabe wird als Lauf gespeichert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/runs_panel.cpp" line="92"/>
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="125"/>
        <source>Cannot load run %1: %2</source>
        <translation>Lauf %1 kann nicht geladen werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="162"/>
        <source>Report written to %1</source>
        <translation>Bericht geschrieben nach %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="172"/>
        <source>PDF report (*.pdf)</source>
        <translation>PDF-Bericht (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="173"/>
        <source>HTML report (*.html *.htm)</source>
        <translation>HTML-Bericht (*.html *.htm)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="174"/>
        <source>CSV tables (*.csv)</source>
        <translation>CSV-Tabellen (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="179"/>
        <source>Export Run Report</source>
        <translation>Laufbericht exportieren</translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="189"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ScenarioEditor</name>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="88"/>
        <source>Eager relegation of requests that cannot meet their deadline</source>
        <translation>Anfragen, die ihre Frist nicht einhalten können, frühzeitig zurückstufen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="89"/>
        <source>Per-class arrival processes</source>
        <translation>Ankunftsprozesse je Klasse</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="90"/>
        <source>Trace file</source>
        <translation>Trace-Datei</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="83"/>
        <location filename="../ui/widgets/scenario_editor.cpp" line="92"/>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="79"/>
        <source>Add group</source>
        <translation>Gruppe hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="80"/>
        <source>Remove group</source>
        <translation>Gruppe entfernen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="95"/>
        <source>&amp;Apply</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="96"/>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="98"/>
        <source>Length of the arrival window, seconds</source>
        <translation>Länge des Ankunftsfensters in Sekunden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="99"/>
        <source>Seed of the random arrivals and lengths; the same seed replays the same requests</source>
        <translation>Seed für zufällige Ankünfte und Längen; derselbe Seed erzeugt bei der Wiedergabe dieselben Anfragen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="100"/>
        <source>Modeled (model on hardware)</source>
        <translation>Modelliert (Modell auf Hardware)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="101"/>
        <source>Constant iteration time</source>
        <translation>Konstante Iterationszeit</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="102"/>
        <source>Every iteration takes this long whatever the batch, milliseconds</source>
        <translation>Jede Iteration dauert unabhängig vom Batch so lange, in Millisekunden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="119"/>
        <source>Class priority</source>
        <translation>Klassenpriorität</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="118"/>
        <source>FCFS</source>
        <translation>FCFS</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="120"/>
        <source>EDF</source>
        <translation>EDF</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="121"/>
        <source>SRPF</source>
        <translation>SRPF</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="122"/>
        <source>Hybrid (QoServe)</source>
        <translation>Hybrid (QoServe)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="123"/>
        <source>none, fixed:N (at most N tokens per iteration) or dynamic</source>
        <translation>none, fixed:N (höchstens N Tokens pro Iteration) oder dynamic</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="124"/>
        <source>Azure LLM inference (CSV)</source>
        <translation>Azure LLM Inference (CSV)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="125"/>
        <source>BurstGPT (CSV)</source>
        <translation>BurstGPT (CSV)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="126"/>
        <source>Headroom (CSV with a class column)</source>
        <translation>Headroom (CSV mit Klassenspalte)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="135"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="137"/>
        <source>Duration (s):</source>
        <translation>Dauer (s):</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="138"/>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="142"/>
        <source>Executor:</source>
        <translation>Ausführung:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="143"/>
        <source>Iteration (ms):</source>
        <translation>Iteration (ms):</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="160"/>
        <source>Scheduler</source>
        <translation>Scheduler</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="162"/>
        <source>Policy:</source>
        <translation>Strategie:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="163"/>
        <source>Chunking:</source>
        <translation>Chunking:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="166"/>
        <source>Workload</source>
        <translation>Last</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="405"/>
        <source>Choose a Trace</source>
        <translation>Trace auswählen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="406"/>
        <source>CSV traces (*.csv);;All files (*)</source>
        <translation>CSV-Traces (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="415"/>
        <source>Open a scenario first.</source>
        <translation>Öffnen Sie zuerst ein Szenario.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="434"/>
        <source>Must be a whole number, 0 or more.</source>
        <translation>Muss eine ganze Zahl sein, 0 oder mehr.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="523"/>
        <source>The classes changed since this table was filled; press Revert.</source>
        <translation>Die Klassen haben sich geändert, seit diese Tabelle gefüllt wurde; klicken Sie auf Zurücksetzen.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="531"/>
        <source>Choose a trace file.</source>
        <translation>Wählen Sie eine Trace-Datei.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="500"/>
        <location filename="../ui/widgets/scenario_editor.cpp" line="533"/>
        <source>No such file: %1</source>
        <translation>Datei nicht gefunden: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="113"/>
        <source>Add a group of instances of another model or hardware (a model tier)</source>
        <translation>Eine Gruppe von Instanzen eines anderen Modells oder einer anderen Hardware hinzufügen (eine Modellstufe)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="114"/>
        <source>Remove the selected group (the last one when none is selected)</source>
        <translation>Die ausgewählte Gruppe entfernen (die letzte, wenn keine ausgewählt ist)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="116"/>
        <source>Which group serves each request; the group&apos;s instance router then picks the instance</source>
        <translation>Welche Gruppe jede Anfrage bedient; der Instanz-Router der Gruppe wählt dann die Instanz</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="117"/>
        <source>policy file (headroom-cli train-router)</source>
        <translation>Richtliniendatei (headroom-cli train-router)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="140"/>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="158"/>
        <source>Tier router:</source>
        <translation>Tier-Router:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="332"/>
        <source>Greedy: the most accurate group predicted to meet the SLO</source>
        <translation>Gierig: die genaueste Gruppe, die das SLO voraussichtlich einhält</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="333"/>
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="335"/>
        <source>Static: every request to %1</source>
        <translation>Statisch: jede Anfrage an %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="339"/>
        <source>Learned policy</source>
        <translation>Gelernte Richtlinie</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="397"/>
        <source>Choose a Tier Router Policy</source>
        <translation>Richtlinie des Tier-Routers auswählen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="398"/>
        <source>Policies (*.json);;All files (*)</source>
        <translation>Richtlinien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="455"/>
        <source>A constant iteration time serves one group: remove the others or choose a modeled executor.</source>
        <translation>Eine konstante Iterationszeit bedient eine Gruppe: Entfernen Sie die anderen oder wählen Sie eine modellierte Ausführung.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="475"/>
        <source>Weighted routing takes each class&apos;s shares from a plan for this many instances: apply one from the Planner, or choose another instance router for group %1.</source>
        <translation>Gewichtetes Routing nimmt die Anteile jeder Klasse aus einem Plan für so viele Instanzen: Wenden Sie einen aus dem Planer an oder wählen Sie einen anderen Instanz-Router für die Gruppe %1.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="488"/>
        <source>Choose the policy file of the learned router.</source>
        <translation>Wählen Sie die Richtliniendatei des gelernten Routers.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="490"/>
        <source>Must be one of: %1.</source>
        <translation>Muss eines davon sein: %1.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="548"/>
        <source>Give at least one class a trace share above 0.</source>
        <translation>Geben Sie mindestens einer Klasse einen Trace-Anteil über 0.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="560"/>
        <source>The engine refused this scenario: %1</source>
        <translation>Die Engine hat dieses Szenario abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>headroom::ui::VerificationModel</name>
    <message>
        <location filename="../ui/models/verification_model.cpp" line="43"/>
        <source>%1 (p%2 %3)</source>
        <translation>%1 (p%2 %3)</translation>
    </message>
    <message>
        <location filename="../ui/models/verification_model.cpp" line="49"/>
        <source>no requests completed</source>
        <translation>keine Anfragen abgeschlossen</translation>
    </message>
    <message>
        <location filename="../ui/models/verification_model.cpp" line="50"/>
        <source>held</source>
        <translation>eingehalten</translation>
    </message>
    <message>
        <location filename="../ui/models/verification_model.cpp" line="50"/>
        <source>missed by %1</source>
        <translation>um %1 verfehlt</translation>
    </message>
    <message>
        <location filename="../ui/models/verification_model.cpp" line="64"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../ui/models/verification_model.cpp" line="65"/>
        <source>Bound</source>
        <translation>Grenze</translation>
    </message>
    <message>
        <location filename="../ui/models/verification_model.cpp" line="66"/>
        <source>Predicted</source>
        <translation>Vorhergesagt</translation>
    </message>
    <message>
        <location filename="../ui/models/verification_model.cpp" line="67"/>
        <source>Measured in replay</source>
        <translation>In der Wiedergabe gemessen</translation>
    </message>
    <message>
        <location filename="../ui/models/verification_model.cpp" line="68"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>headroom::ui::WorkspaceController</name>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="39"/>
        <source>%1: cannot replace the file (check its permissions)</source>
        <translation>%1: Die Datei kann nicht ersetzt werden (prüfen Sie ihre Zugriffsrechte)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="66"/>
        <source>&amp;New Workspace…</source>
        <translation>&amp;Neuer Arbeitsbereich …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="69"/>
        <source>&amp;Open Workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="72"/>
        <source>Save Workspace &amp;As…</source>
        <translation>Arbeitsbereich speichern &amp;unter …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="76"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="89"/>
        <source>Headroom workspaces (*.%1);;All files (*)</source>
        <translation>Headroom-Arbeitsbereiche (*.%1);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="122"/>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="128"/>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="346"/>
        <source>Cannot open workspace</source>
        <translation>Arbeitsbereich kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="129"/>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="347"/>
        <source>The workspace could not be opened; the current one stays open.

%1</source>
        <translation>Der Arbeitsbereich konnte nicht geöffnet werden; der aktuelle bleibt geöffnet.

%1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="133"/>
        <source>No recent workspaces</source>
        <translation>Keine zuletzt geöffneten Arbeitsbereiche</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="135"/>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="162"/>
        <source>%1: its setup cannot be replayed: %2</source>
        <translation>%1: Die Konfiguration kann nicht wiedergegeben werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="202"/>
        <source>No workspace is open.</source>
        <translation>Kein Arbeitsbereich geöffnet.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="206"/>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="332"/>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="359"/>
        <source>%1: this is the open workspace; choose another file name</source>
        <translation>%1: Dies ist der geöffnete Arbeitsbereich; wählen Sie einen anderen Dateinamen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="273"/>
        <source>The plan was not stored: %1</source>
        <translation>Der Plan wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="288"/>
        <source>The setup was not saved: %1</source>
        <translation>Die Konfiguration wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="310"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="321"/>
        <source>The run was not fully saved: %1</source>
        <translation>Der Lauf wurde nicht vollständig gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="327"/>
        <source>New Workspace</source>
        <translation>Neuer Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="336"/>
        <source>Cannot create workspace</source>
        <translation>Arbeitsbereich kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="337"/>
        <source>The workspace could not be created; the current one stays open.

%1</source>
        <translation>Der Arbeitsbereich konnte nicht angelegt werden; der aktuelle bleibt geöffnet.

%1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="342"/>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="353"/>
        <source>Save Workspace As</source>
        <translation>Arbeitsbereich speichern unter</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="363"/>
        <source>Cannot save workspace</source>
        <translation>Arbeitsbereich kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="364"/>
        <source>The workspace could not be saved; the current one stays open.

%1</source>
        <translation>Der Arbeitsbereich konnte nicht gespeichert werden; der aktuelle bleibt geöffnet.

%1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/console/main.cpp" line="42"/>
        <location filename="../app/console/main.cpp" line="74"/>
        <source>Headroom</source>
        <translation>Headroom</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="46"/>
        <source>Operations console for multi-class LLM serving: live per-class dashboard, SLO editing and scenario replay.</source>
        <translation>Betriebskonsole für LLM-Serving mit mehreren Klassen: Live-Dashboard je Klasse, SLO-Bearbeitung und Szenario-Wiedergabe.</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="52"/>
        <source>Open the workspace &lt;file&gt; instead of the last one.</source>
        <translation>Den Arbeitsbereich &lt;file&gt; statt des zuletzt verwendeten öffnen.</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="53"/>
        <location filename="../app/console/main.cpp" line="58"/>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="56"/>
        <source>Open the scenario file &lt;file&gt;: alone, or as the new setup of the workspace given with --workspace.</source>
        <translation>Die Szenariodatei &lt;file&gt; öffnen: allein oder als neue Konfiguration des mit --workspace angegebenen Arbeitsbereichs.</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="61"/>
        <source>Open the demo workspace (three classes of users on three modeled instances), creating it when missing.</source>
        <translation>Den Demo-Arbeitsbereich öffnen (drei Nutzerklassen auf drei modellierten Instanzen) und ihn anlegen, falls er fehlt.</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="64"/>
        <source>Start replaying at once.</source>
        <translation>Sofort mit der Wiedergabe beginnen.</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="82"/>
        <location filename="../app/console/main.cpp" line="86"/>
        <source>Cannot open workspace %1:
%2</source>
        <translation>Arbeitsbereich %1 kann nicht geöffnet werden:
%2</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="97"/>
        <location filename="../app/console/main.cpp" line="105"/>
        <source>Cannot open scenario %1:
%2</source>
        <translation>Szenario %1 kann nicht geöffnet werden:
%2</translation>
    </message>
</context>
</TS>
