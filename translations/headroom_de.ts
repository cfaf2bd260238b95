<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>HtmlReport</name>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="60"/>
        <location filename="../ui/report/html_report_writer.cpp" line="78"/>
        <source>Class</source>
        <translation type="unfinished">Klasse</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="60"/>
        <source>SLO</source>
        <translation type="unfinished">SLO</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="60"/>
        <source>Arrivals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="61"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="61"/>
        <source>Relegated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="61"/>
        <source>Attainment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="62"/>
        <source>Goodput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="62"/>
        <source>Queue p50/p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="62"/>
        <source>TTFT p50/p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="63"/>
        <source>TBT p50/p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="63"/>
        <source>TTLT p50/p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="73"/>
        <source>Classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="78"/>
        <source>Watched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="78"/>
        <source>Attainment a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="79"/>
        <source>Attainment b</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="79"/>
        <location filename="../ui/report/html_report_writer.cpp" line="80"/>
        <location filename="../ui/report/html_report_writer.cpp" line="81"/>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="79"/>
        <source>Goodput a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="80"/>
        <source>Goodput b</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="80"/>
        <source>Latency a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="81"/>
        <source>Latency b</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="90"/>
        <source>Comparison: %1 (a) with %2 (b)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="96"/>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="100"/>
        <source>Plan as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="124"/>
        <source>Scenario %1, started %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="128"/>
        <source>Run and totals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="130"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="136"/>
        <source>Latency and throughput over time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfReport</name>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="99"/>
        <source>page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="215"/>
        <source>Scenario %1, started %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="226"/>
        <source>Run and totals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="228"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="240"/>
        <source>Comparison: %1 (a) with %2 (b)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="242"/>
        <location filename="../ui/report/pdf_report_writer.cpp" line="259"/>
        <source>Class</source>
        <translation type="unfinished">Klasse</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="242"/>
        <source>Watched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="242"/>
        <source>Attainment a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="243"/>
        <source>Attainment b</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="243"/>
        <location filename="../ui/report/pdf_report_writer.cpp" line="244"/>
        <location filename="../ui/report/pdf_report_writer.cpp" line="245"/>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="243"/>
        <source>Goodput a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="244"/>
        <source>Goodput b</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="244"/>
        <source>Latency a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="245"/>
        <source>Latency b</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="258"/>
        <source>Classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="259"/>
        <source>SLO</source>
        <translation type="unfinished">SLO</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="259"/>
        <source>Arrivals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="260"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="260"/>
        <source>Relegated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="260"/>
        <source>Attainment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="261"/>
        <source>Goodput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="261"/>
        <source>Queue p50/p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="261"/>
        <source>TTFT p50/p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="262"/>
        <source>TBT p50/p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="262"/>
        <source>TTLT p50/p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="280"/>
        <source>Latency and throughput over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="292"/>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="304"/>
        <source>Plan as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="338"/>
        <source>%1: cannot start the PDF</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanningDocks</name>
    <message>
        <location filename="../ui/mainwindow/planning_docks.cpp" line="30"/>
        <source>Scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/planning_docks.cpp" line="34"/>
        <source>Planner</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportChart</name>
    <message>
        <location filename="../ui/report/report_chart.cpp" line="133"/>
        <source>virtual time (s)</source>
        <translation type="unfinished">virtuelle Zeit (s)</translation>
    </message>
</context>
<context>
    <name>ReportDocument</name>
    <message>
        <location filename="../ui/report/report_document.cpp" line="31"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="31"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="61"/>
        <source>Run report: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="69"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="69"/>
        <source>%1 (id %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="70"/>
        <source>Scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="71"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="72"/>
        <location filename="../ui/report/report_document.cpp" line="169"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="73"/>
        <source>Virtual time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="73"/>
        <source>%1 s of %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="74"/>
        <source>Requests arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="75"/>
        <source>Requests completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="76"/>
        <source>Met their SLO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="77"/>
        <source>SLO attainment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="81"/>
        <source>Goodput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="82"/>
        <source>Output tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="83"/>
        <source>Output tokens per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="93"/>
        <source>Executor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="93"/>
        <source>constant, %1 per iteration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="95"/>
        <source>modeled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="96"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="98"/>
        <source>Hardware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="100"/>
        <source>Tensor parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="101"/>
        <source>model default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="102"/>
        <location filename="../ui/report/report_document.cpp" line="171"/>
        <source>Instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="103"/>
        <source>Router</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="104"/>
        <source>Scheduler policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="107"/>
        <source>Hybrid alpha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="107"/>
        <source>%1 ms/token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="109"/>
        <source>Chunking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="110"/>
        <source>Relegation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="110"/>
        <location filename="../ui/report/report_document.cpp" line="111"/>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="110"/>
        <location filename="../ui/report/report_document.cpp" line="111"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="111"/>
        <source>Selective preemption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="112"/>
        <source>Batch limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="112"/>
        <source>%1 tokens, %2 sequences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="114"/>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="115"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="115"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="117"/>
        <source>Trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="119"/>
        <source>Metrics window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="138"/>
        <source>%1: %2 over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="139"/>
        <source>%1 (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="141"/>
        <source>p50</source>
        <translation type="unfinished">p50</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="142"/>
        <source>p%1</source>
        <translation type="unfinished">p%1</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="145"/>
        <source>SLO %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="149"/>
        <source>Throughput over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="150"/>
        <source>output tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="160"/>
        <source>all classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="170"/>
        <source>Objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="172"/>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="173"/>
        <source>Solve time (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="174"/>
        <source>Explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="187"/>
        <source>Instance</source>
        <translation type="unfinished">Instanz</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="187"/>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="188"/>
        <source>%1 (req/s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportFile</name>
    <message>
        <location filename="../ui/report/report_file.cpp" line="18"/>
        <source>%1: cannot open for writing: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_file.cpp" line="24"/>
        <location filename="../ui/report/report_file.cpp" line="32"/>
        <source>%1: cannot write: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportText</name>
    <message>
        <location filename="../ui/report/report_text.cpp" line="26"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="28"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="37"/>
        <source>running</source>
        <translation type="unfinished">rechnet</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="38"/>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="39"/>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="40"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="41"/>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="48"/>
        <source>TTFT</source>
        <translation type="unfinished">TTFT</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="49"/>
        <source>TBT</source>
        <translation type="unfinished">TBT</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="50"/>
        <source>TTLT</source>
        <translation type="unfinished">TTLT</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="56"/>
        <source>%1 p%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="71"/>
        <source>%1 %</source>
        <translation type="unfinished">%1 %</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="76"/>
        <source>%1%2 pp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="82"/>
        <source>%1 req/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="87"/>
        <source>TTFT ≤ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="88"/>
        <source>TBT ≤ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="89"/>
        <source>TTLT ≤ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="90"/>
        <source>none</source>
        <translation type="unfinished">keine</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="91"/>
        <source>%1 (p%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="98"/>
        <source>%1 UTC</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportWriter</name>
    <message>
        <location filename="../ui/report/report_writer.cpp" line="39"/>
        <source>%1: unknown report type; use one of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>headroom::ui::ClassArrivalModel</name>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="53"/>
        <source>Poisson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="54"/>
        <source>Gamma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="55"/>
        <source>Constant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="73"/>
        <source>&quot;%1&quot;: write START=RATE for a step or START-END=RATE for a ramp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="81"/>
        <source>&quot;%1&quot;: the start must be a number of seconds &gt;= 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="84"/>
        <source>&quot;%1&quot;: the rate must be a number of requests per second &gt;= 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="91"/>
        <source>&quot;%1&quot;: a ramp&apos;s end must be a number of seconds after its start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="97"/>
        <source>&quot;%1&quot;: phases must be in time order and may not start inside a ramp (start at %2 s or later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="184"/>
        <source>Poisson, Gamma (bursty: set the CV) or Constant (evenly spaced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="185"/>
        <source>Requests per second before the first phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="186"/>
        <source>Coefficient of variation of the gaps between arrivals (Gamma only; 1 is Poisson)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="187"/>
        <source>Comma-separated START=RATE steps and START-END=RATE ramps, seconds and requests per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="188"/>
        <source>This class&apos;s share of a trace&apos;s requests (traces without a class column)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="198"/>
        <source>Class</source>
        <translation type="unfinished">Klasse</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="199"/>
        <source>Arrivals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="200"/>
        <source>Rate (req/s)</source>
        <translation type="unfinished">Rate (Anfr./s)</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="201"/>
        <source>CV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="202"/>
        <source>Phases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="203"/>
        <source>Trace share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="217"/>
        <source>%1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="234"/>
        <source>must be Poisson, Gamma or Constant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="241"/>
        <source>must be a number of requests per second, 0 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="247"/>
        <source>only Gamma arrivals have a CV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="249"/>
        <source>must be a number above 0, at most 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="262"/>
        <source>must be a number, 0 or more</source>
        <translation type="unfinished"></translation>
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
        <location filename="../ui/widgets/class_figures_panel.cpp" line="106"/>
        <source>All classes</source>
        <translation>Alle Klassen</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ClassLatencyChart</name>
    <message>
        <location filename="../ui/charts/class_latency_chart.cpp" line="34"/>
        <source>p%1</source>
        <translation>p%1</translation>
    </message>
    <message>
        <location filename="../ui/charts/class_latency_chart.cpp" line="41"/>
        <source>queue time</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <location filename="../ui/charts/class_latency_chart.cpp" line="42"/>
        <source>TTFT</source>
        <translation>TTFT</translation>
    </message>
    <message>
        <location filename="../ui/charts/class_latency_chart.cpp" line="43"/>
        <source>TBT</source>
        <translation>TBT</translation>
    </message>
    <message>
        <location filename="../ui/charts/class_latency_chart.cpp" line="44"/>
        <source>TTLT</source>
        <translation>TTLT</translation>
    </message>
    <message>
        <location filename="../ui/charts/class_latency_chart.cpp" line="67"/>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <location filename="../ui/charts/class_latency_chart.cpp" line="72"/>
        <source>SLO</source>
        <translation>SLO</translation>
    </message>
    <message>
        <location filename="../ui/charts/class_latency_chart.cpp" line="77"/>
        <source>virtual time (s)</source>
        <translation>virtuelle Zeit (s)</translation>
    </message>
    <message>
        <location filename="../ui/charts/class_latency_chart.cpp" line="81"/>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <location filename="../ui/charts/class_latency_chart.cpp" line="120"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ClassTableModel</name>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="18"/>
        <location filename="../ui/widgets/class_editor.cpp" line="19"/>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="19"/>
        <location filename="../ui/models/class_table_model.cpp" line="22"/>
        <location filename="../ui/widgets/class_editor.cpp" line="20"/>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="20"/>
        <location filename="../ui/widgets/class_editor.cpp" line="21"/>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="103"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="108"/>
        <source>p%1</source>
        <translation>p%1</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="110"/>
        <source>trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="119"/>
        <source>Unique class name</source>
        <translation>Eindeutiger Klassenname</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="120"/>
        <source>0 is the most urgent class; orders classes for the priority policy</source>
        <translation>0 ist die dringendste Klasse; ordnet die Klassen für die Prioritätsstrategie</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="121"/>
        <source>Low-importance requests are relegated first when deadlines slip</source>
        <translation>Anfragen geringer Wichtigkeit werden zuerst zurückgestuft, wenn Fristen nicht zu halten sind</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="122"/>
        <source>Time to first token bound in seconds; empty for none</source>
        <translation>Grenze für die Zeit bis zum ersten Token in Sekunden; leer für keine</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="123"/>
        <source>Time between tokens bound in seconds; empty for none</source>
        <translation>Grenze für die Zeit zwischen Tokens in Sekunden; leer für keine</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="124"/>
        <source>Time to last token bound in seconds; empty for none</source>
        <translation>Grenze für die Zeit bis zum letzten Token in Sekunden; leer für keine</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="125"/>
        <source>The percentile the SLO is judged on, e.g. 99 for p99</source>
        <translation>Das Perzentil, an dem das SLO gemessen wird, z. B. 99 für p99</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="127"/>
        <location filename="../ui/models/class_table_model.cpp" line="204"/>
        <source>Arrivals come from the scenario&apos;s trace</source>
        <translation>Die Ankünfte stammen aus dem Trace des Szenarios</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="128"/>
        <source>Base arrival rate in requests per second; applies when the replay restarts</source>
        <translation>Grundlegende Ankunftsrate in Anfragen pro Sekunde; gilt ab dem Neustart der Wiedergabe</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="139"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="140"/>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="141"/>
        <source>Importance</source>
        <translation>Wichtigkeit</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="142"/>
        <source>TTFT (s)</source>
        <translation>TTFT (s)</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="143"/>
        <source>TBT (s)</source>
        <translation>TBT (s)</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="144"/>
        <source>TTLT (s)</source>
        <translation>TTLT (s)</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="145"/>
        <source>Percentile</source>
        <translation>Perzentil</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="146"/>
        <source>Rate (req/s)</source>
        <translation>Rate (Anfr./s)</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="159"/>
        <source>No such class</source>
        <translation>Diese Klasse gibt es nicht</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="164"/>
        <source>A class needs a name</source>
        <translation>Eine Klasse braucht einen Namen</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="165"/>
        <source>A class name has at most %1 characters</source>
        <translation>Ein Klassenname hat höchstens %1 Zeichen</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="168"/>
        <source>Another class is already named &quot;%1&quot;</source>
        <translation>Eine andere Klasse heißt bereits „%1“</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="175"/>
        <source>The rank must be a whole number from 0 to %1</source>
        <translation>Der Rang muss eine ganze Zahl von 0 bis %1 sein</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="179"/>
        <source>The importance must be high, normal or low</source>
        <translation>Die Wichtigkeit muss hoch, normal oder niedrig sein</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="187"/>
        <source>A bound must be a number of seconds above 0 and at most %1, or empty for none</source>
        <translation>Eine Grenze muss eine Sekundenzahl über 0 und höchstens %1 sein, oder leer für keine</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="192"/>
        <source>A class needs at least one bound: TTFT, TBT or TTLT</source>
        <translation>Eine Klasse braucht mindestens eine Grenze: TTFT, TBT oder TTLT</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="193"/>
        <source>The TTFT bound cannot exceed the TTLT bound</source>
        <translation>Die TTFT-Grenze darf die TTLT-Grenze nicht überschreiten</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="194"/>
        <source>The TBT bound cannot exceed the TTLT bound</source>
        <translation>Die TBT-Grenze darf die TTLT-Grenze nicht überschreiten</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="200"/>
        <source>The percentile must be a number above 0 and below 100, e.g. 99 for p99</source>
        <translation>Das Perzentil muss eine Zahl über 0 und unter 100 sein, z. B. 99 für p99</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="207"/>
        <source>The rate must be a number of requests per second from 0 to %1</source>
        <translation>Die Rate muss eine Zahl von Anfragen pro Sekunde von 0 bis %1 sein</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="211"/>
        <source>No such column</source>
        <translation>Diese Spalte gibt es nicht</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="309"/>
        <source>A scenario needs at least one class</source>
        <translation>Ein Szenario braucht mindestens eine Klasse</translation>
    </message>
</context>
<context>
    <name>headroom::ui::Dashboard</name>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="26"/>
        <source>Latency:</source>
        <translation>Latenz:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="28"/>
        <source>Each class&apos;s SLO metric</source>
        <translation>SLO-Metrik jeder Klasse</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="29"/>
        <source>Queue time</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="30"/>
        <source>Time to first token</source>
        <translation>Zeit bis zum ersten Token</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="31"/>
        <source>Time between tokens</source>
        <translation>Zeit zwischen Tokens</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="32"/>
        <source>Time to last token</source>
        <translation>Zeit bis zum letzten Token</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="33"/>
        <source>Window:</source>
        <translation>Zeitfenster:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="35"/>
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="36"/>
        <source>5 minutes</source>
        <translation>5 Minuten</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="37"/>
        <source>10 minutes</source>
        <translation>10 Minuten</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="38"/>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
</context>
<context>
    <name>headroom::ui::FigureTile</name>
    <message>
        <location filename="../ui/widgets/class_figures_panel.cpp" line="52"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_figures_panel.cpp" line="54"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_figures_panel.cpp" line="60"/>
        <source>SLO met · target %1 %</source>
        <translation>SLO eingehalten · Ziel %1 %</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_figures_panel.cpp" line="61"/>
        <source>goodput %1 req/s</source>
        <translation>Goodput %1 Anfr./s</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_figures_panel.cpp" line="62"/>
        <source>%1 tokens/s</source>
        <translation>%1 Tokens/s</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/class_figures_panel.cpp" line="63"/>
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
        <location filename="../ui/mainwindow/main_window.cpp" line="57"/>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="58"/>
        <source>Playing</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="59"/>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="60"/>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="61"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="79"/>
        <location filename="../ui/mainwindow/main_window.cpp" line="305"/>
        <source>Headroom</source>
        <translation>Headroom</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="89"/>
        <source>No scenario</source>
        <translation>Kein Szenario</translation>
    </message>
    <message>
        <source>&amp;Open Scenario…</source>
        <translation type="vanished">Szenario ö&amp;ffnen …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="116"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="121"/>
        <location filename="../ui/mainwindow/main_window.cpp" line="327"/>
        <source>&amp;Play</source>
        <translation>&amp;Abspielen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="123"/>
        <source>Play or pause the replay (Space)</source>
        <translation>Wiedergabe abspielen oder anhalten (Leertaste)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="125"/>
        <source>S&amp;tep</source>
        <translation>&amp;Schritt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="127"/>
        <source>Advance %1 s of virtual time, then pause (Ctrl+Right)</source>
        <translation>%1 s virtuelle Zeit vorspulen, dann anhalten (Strg+Rechts)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="129"/>
        <source>&amp;Stop</source>
        <translation>S&amp;topp</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="131"/>
        <source>End the replay; Play starts it again from the beginning (Ctrl+.)</source>
        <translation>Wiedergabe beenden; Abspielen startet sie wieder von vorn (Strg+.)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="133"/>
        <source>&amp;Restart</source>
        <translation>&amp;Neu starten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="135"/>
        <source>Rebuild the replay from the start with the current classes (Ctrl+R)</source>
        <translation>Wiedergabe mit den aktuellen Klassen von vorn aufbauen (Strg+R)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="140"/>
        <source>Real time (1×)</source>
        <translation>Echtzeit (1×)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="141"/>
        <source>10×</source>
        <translation>10×</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="142"/>
        <source>100×</source>
        <translation>100×</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="143"/>
        <source>As fast as possible</source>
        <translation>So schnell wie möglich</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="158"/>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="159"/>
        <source>English</source>
        <translation>Englisch (English)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="160"/>
        <source>German (Deutsch)</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="169"/>
        <source>&amp;About Headroom</source>
        <translation>&amp;Über Headroom</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="175"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="185"/>
        <source>&amp;Replay</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="191"/>
        <source>S&amp;peed</source>
        <translation>&amp;Geschwindigkeit</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="194"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="197"/>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="198"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="201"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="204"/>
        <source>Replay</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="214"/>
        <source>Classes and SLOs</source>
        <translation>Klassen und SLOs</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="221"/>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="228"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="247"/>
        <source>no workspace is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="271"/>
        <source>Open Scenario</source>
        <translation>Szenario öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="271"/>
        <source>Scenario files (*.json);;All files (*)</source>
        <translation>Szenariodateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="275"/>
        <source>Cannot open scenario</source>
        <translation>Szenario kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="276"/>
        <source>The scenario could not be opened; the current one stays loaded.

%1</source>
        <translation>Das Szenario konnte nicht geöffnet werden; das aktuelle bleibt geladen.

%1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="282"/>
        <source>About Headroom</source>
        <translation>Über Headroom</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="283"/>
        <source>&lt;h3&gt;Headroom %1&lt;/h3&gt;&lt;p&gt;An operations console for GPU inference pools serving many QoS classes: define classes and their SLOs, replay load scenarios on a simulated pool and watch per class how long requests queue, how fast they are served and how many meet their SLO.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Headroom %1&lt;/h3&gt;&lt;p&gt;Eine Betriebskonsole für GPU-Inferenz-Pools, die viele QoS-Klassen bedienen: Klassen und ihre SLOs festlegen, Lastszenarien auf einem simulierten Pool abspielen und je Klasse verfolgen, wie lange Anfragen warten, wie schnell sie bedient werden und wie viele ihr SLO einhalten.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="305"/>
        <source>%1 — Headroom</source>
        <translation>%1 — Headroom</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="297"/>
        <source>Scenario: %1</source>
        <translation>Szenario: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="113"/>
        <source>Open &amp;Scenario…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="307"/>
        <source>%1 (%2) — Headroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="327"/>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="333"/>
        <source>%1 arrived · %2 completed · %3 met their SLO</source>
        <translation>%1 angekommen · %2 abgeschlossen · %3 im SLO</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="341"/>
        <source>The replay failed: %1</source>
        <translation>Die Wiedergabe ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="352"/>
        <source>The language changes when Headroom starts again.</source>
        <translation>Die Sprache wechselt beim nächsten Start von Headroom.</translation>
    </message>
</context>
<context>
    <name>headroom::ui::PlanComparisonModel</name>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="18"/>
        <source>optimal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="19"/>
        <source>within the gap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="20"/>
        <source>time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="21"/>
        <source>infeasible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="28"/>
        <source>queue time</source>
        <translation type="unfinished">Wartezeit</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="29"/>
        <source>TTFT</source>
        <translation type="unfinished">TTFT</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="30"/>
        <source>TTLT</source>
        <translation type="unfinished">TTLT</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="37"/>
        <location filename="../ui/models/plan_comparison_model.cpp" line="38"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="55"/>
        <source>compliant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="56"/>
        <source>near miss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="57"/>
        <source>over the bound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="109"/>
        <source>p%1 %2 of class %3 must stay within %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="135"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="140"/>
        <source>No prediction: the plan has no solution or the class no traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="141"/>
        <source>Predicted p%1 %2 %3 against a bound of %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="154"/>
        <source>Bound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="155"/>
        <source>Recommended (priority)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="156"/>
        <source>FCFS baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="157"/>
        <source>Siloed baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="163"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="164"/>
        <source>Instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="165"/>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="168"/>
        <source>%1: p%2 %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>headroom::ui::PlannerPanel</name>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="45"/>
        <source>&amp;Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="46"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="47"/>
        <source>&amp;Apply to Pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="48"/>
        <source>&amp;Verify by Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="54"/>
        <source>The most instances a plan may use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="55"/>
        <source>Measure each class&apos;s latency curve by replay and compute the fewest instances that keep every class within its bound, with the FCFS and siloed baselines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="57"/>
        <source>Set the pool to the recommended instances, route each class by the plan&apos;s shares and order requests by class priority inside instances; the replay restarts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="59"/>
        <source>Replay the applied pool and compare each class&apos;s measured latency with the prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="62"/>
        <source>%v of about %m replays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="67"/>
        <source>Max instances:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="96"/>
        <source>Plan the current scenario&apos;s classes on its model and hardware.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="122"/>
        <source>Open a scenario first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="129"/>
        <source>This scenario cannot be planned: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="136"/>
        <source>Measuring latency curves…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="143"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="151"/>
        <location filename="../ui/widgets/planner_panel.cpp" line="205"/>
        <source>Replaying the applied pool…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="153"/>
        <source>Measuring latency curves: %1 of about %2 replays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="167"/>
        <source>Recommended: %1 instances with priority routing (FCFS needs %2, siloed %3). %4 curve replays, %5 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="170"/>
        <location filename="../ui/widgets/planner_panel.cpp" line="171"/>
        <source>no plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="175"/>
        <source>No plan keeps every class within its bound: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="189"/>
        <source>Applied: %1 instances, each class routed by the plan&apos;s shares, priority ordering inside instances. The replay starts again from the beginning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="193"/>
        <source>The plan could not be applied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="216"/>
        <source>The replay held every class within its bound.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/planner_panel.cpp" line="218"/>
        <source>The replay missed the bound of %n class(es).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="226"/>
        <source>The planner failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="234"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>headroom::ui::PoolPanel</name>
    <message>
        <location filename="../ui/widgets/pool_panel.cpp" line="19"/>
        <source>Pool</source>
        <translation type="unfinished">Pool</translation>
    </message>
    <message>
        <location filename="../ui/widgets/pool_panel.cpp" line="29"/>
        <source>&amp;Add Instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/pool_panel.cpp" line="31"/>
        <source>Add one instance to the running replay&apos;s pool; it takes new arrivals at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/pool_panel.cpp" line="32"/>
        <source>&amp;Remove Instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/pool_panel.cpp" line="34"/>
        <source>Drain the selected instance (else the newest): its queued requests move to the others, its running ones finish, then it leaves the pool</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>headroom::ui::PoolTableModel</name>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="90"/>
        <source>instance %1</source>
        <translation>Instanz %1</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="92"/>
        <source>draining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="93"/>
        <source>running</source>
        <translation>rechnet</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="93"/>
        <source>idle</source>
        <translation>frei</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="94"/>
        <location filename="../ui/models/pool_table_model.cpp" line="95"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="106"/>
        <source>%1 waiting, %2 relegated</source>
        <translation>%1 wartend, %2 zurückgestuft</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="118"/>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="119"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="120"/>
        <source>Utilisation</source>
        <translation>Auslastung</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="121"/>
        <source>KV cache</source>
        <translation>KV-Cache</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="122"/>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="123"/>
        <source>Running</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="124"/>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="125"/>
        <source>Batch tokens</source>
        <translation>Batch-Tokens</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="126"/>
        <source>Iterations</source>
        <translation>Iterationen</translation>
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
    <name>headroom::ui::RunCompareDialog</name>
    <message>
        <location filename="../ui/dialogs/run_compare_dialog.cpp" line="16"/>
        <source>Compare Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/run_compare_dialog.cpp" line="20"/>
        <source>a: %1 (id %2, %3, %4)
b: %5 (id %6, %7, %8)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>headroom::ui::RunComparisonModel</name>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="82"/>
        <source>Run a: %1 (id %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="83"/>
        <source>Run b: %1 (id %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="84"/>
        <source>Run b minus run a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="85"/>
        <source>The latency the class is judged on, at its SLO percentile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="91"/>
        <source>Class</source>
        <translation type="unfinished">Klasse</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="92"/>
        <source>Watched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="93"/>
        <source>Attainment a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="94"/>
        <source>Attainment b</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="95"/>
        <source>Δ attainment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="96"/>
        <source>Goodput a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="97"/>
        <source>Goodput b</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="98"/>
        <source>Δ goodput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="99"/>
        <source>Latency a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="100"/>
        <source>Latency b</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="101"/>
        <source>Δ latency</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>headroom::ui::RunTableModel</name>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="51"/>
        <source>%1 / %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="63"/>
        <source>The process ended while this run was recording; it is kept up to its last saved sample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="72"/>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="73"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="74"/>
        <source>Scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="75"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="76"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="77"/>
        <source>Virtual time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>headroom::ui::RunsPanel</name>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="34"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="35"/>
        <source>&amp;Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="36"/>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="37"/>
        <source>Read the run list from the workspace again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="38"/>
        <source>Compare the two selected runs class by class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="39"/>
        <source>Write the selected run&apos;s report as PDF, HTML or CSV; with two runs selected the report compares the later with the earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="83"/>
        <source>Cannot read the runs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="88"/>
        <location filename="../ui/widgets/runs_panel.cpp" line="119"/>
        <source>No workspace is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="90"/>
        <source>No runs yet: every replay is stored as a run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/runs_panel.cpp" line="92"/>
        <source>%n run(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="125"/>
        <source>Cannot load run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="162"/>
        <source>Report written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="172"/>
        <source>PDF report (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="173"/>
        <source>HTML report (*.html *.htm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="174"/>
        <source>CSV tables (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="179"/>
        <source>Export Run Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="189"/>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>headroom::ui::ScenarioEditor</name>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="87"/>
        <source>Eager relegation of requests that cannot meet their deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="88"/>
        <source>Per-class arrival processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="89"/>
        <source>Trace file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="91"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="94"/>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="95"/>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="97"/>
        <source>Length of the arrival window, seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="98"/>
        <source>Seed of the random arrivals and lengths; the same seed replays the same requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="99"/>
        <source>Modeled (model on hardware)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="100"/>
        <source>Constant iteration time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="103"/>
        <source>Every iteration takes this long whatever the batch, milliseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="105"/>
        <source>Round robin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="106"/>
        <source>Least loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="107"/>
        <location filename="../ui/widgets/scenario_editor.cpp" line="110"/>
        <source>Class priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="108"/>
        <source>Weighted (plan shares)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="109"/>
        <source>FCFS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="111"/>
        <source>EDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="112"/>
        <source>SRPF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="113"/>
        <source>Hybrid (QoServe)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="114"/>
        <source>none, fixed:N (at most N tokens per iteration) or dynamic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="115"/>
        <source>Azure LLM inference (CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="116"/>
        <source>BurstGPT (CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="117"/>
        <source>Headroom (CSV with a class column)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="126"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="128"/>
        <source>Duration (s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="129"/>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="131"/>
        <source>Instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="133"/>
        <source>Executor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="134"/>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="135"/>
        <source>Hardware:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="136"/>
        <source>Iteration (ms):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="137"/>
        <source>Instances:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="138"/>
        <source>Router:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="140"/>
        <source>Scheduler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="142"/>
        <source>Policy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="143"/>
        <source>Chunking:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="146"/>
        <source>Workload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="271"/>
        <source>Choose a Trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="272"/>
        <source>CSV traces (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="281"/>
        <source>Open a scenario first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="293"/>
        <source>Must be a number of seconds above 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="300"/>
        <source>Must be a whole number, 0 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="310"/>
        <source>Must be a number of milliseconds above 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="335"/>
        <source>Weighted routing takes each class&apos;s shares from a plan for this many instances: apply one from the Planner, or choose another router.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="348"/>
        <source>Must be none, fixed:N with N above 0, or dynamic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="354"/>
        <source>The classes changed since this table was filled; press Revert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="362"/>
        <source>Choose a trace file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="364"/>
        <source>No such file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="379"/>
        <source>Give at least one class a trace share above 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="391"/>
        <source>The engine refused this scenario: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>headroom::ui::VerificationModel</name>
    <message>
        <location filename="../ui/models/verification_model.cpp" line="42"/>
        <source>%1 (p%2 %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/verification_model.cpp" line="48"/>
        <source>no requests completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/verification_model.cpp" line="49"/>
        <source>held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/verification_model.cpp" line="49"/>
        <source>missed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/verification_model.cpp" line="63"/>
        <source>Class</source>
        <translation type="unfinished">Klasse</translation>
    </message>
    <message>
        <location filename="../ui/models/verification_model.cpp" line="64"/>
        <source>Bound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/verification_model.cpp" line="65"/>
        <source>Predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/verification_model.cpp" line="66"/>
        <source>Measured in replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/verification_model.cpp" line="67"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>headroom::ui::WorkspaceController</name>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="39"/>
        <source>%1: cannot replace the file (check its permissions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="66"/>
        <source>&amp;New Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="69"/>
        <source>&amp;Open Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="72"/>
        <source>Save Workspace &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="76"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="89"/>
        <source>Headroom workspaces (*.%1);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="122"/>
        <source>&amp;%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="128"/>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="331"/>
        <source>Cannot open workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="129"/>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="332"/>
        <source>The workspace could not be opened; the current one stays open.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="133"/>
        <source>No recent workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="135"/>
        <source>&amp;Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="162"/>
        <source>%1: its setup cannot be replayed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="201"/>
        <source>No workspace is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="205"/>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="317"/>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="344"/>
        <source>%1: this is the open workspace; choose another file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="273"/>
        <source>The setup was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="295"/>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="306"/>
        <source>The run was not fully saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="312"/>
        <source>New Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="321"/>
        <source>Cannot create workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="322"/>
        <source>The workspace could not be created; the current one stays open.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="327"/>
        <source>Open Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="338"/>
        <source>Save Workspace As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="348"/>
        <source>Cannot save workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="349"/>
        <source>The workspace could not be saved; the current one stays open.

%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/console/main.cpp" line="36"/>
        <location filename="../app/console/main.cpp" line="68"/>
        <source>Headroom</source>
        <translation>Headroom</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="40"/>
        <source>Operations console for multi-class LLM serving: live per-class dashboard, SLO editing and scenario replay.</source>
        <translation>Betriebskonsole für LLM-Serving mit mehreren Klassen: Live-Dashboard je Klasse, SLO-Bearbeitung und Szenario-Wiedergabe.</translation>
    </message>
    <message>
        <source>Open the scenario file &lt;file&gt; instead of the bundled demo.</source>
        <translation type="vanished">Die Szenariodatei &lt;file&gt; statt der mitgelieferten Demo öffnen.</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="46"/>
        <source>Open the workspace &lt;file&gt; instead of the last one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="47"/>
        <location filename="../app/console/main.cpp" line="52"/>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="50"/>
        <source>Open the scenario file &lt;file&gt;: alone, or as the new setup of the workspace given with --workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="55"/>
        <source>Open the demo workspace (the seed&apos;s three users on three modeled instances), creating it when missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="58"/>
        <source>Start replaying at once.</source>
        <translation>Sofort mit der Wiedergabe beginnen.</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="76"/>
        <location filename="../app/console/main.cpp" line="80"/>
        <source>Cannot open workspace %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="91"/>
        <location filename="../app/console/main.cpp" line="99"/>
        <source>Cannot open scenario %1:
%2</source>
        <translation>Szenario %1 kann nicht geöffnet werden:
%2</translation>
    </message>
</context>
</TS>
