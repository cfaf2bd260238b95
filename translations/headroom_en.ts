<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>HtmlReport</name>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="69"/>
        <location filename="../ui/report/html_report_writer.cpp" line="72"/>
        <location filename="../ui/report/html_report_writer.cpp" line="93"/>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="69"/>
        <source>SLO</source>
        <translation>SLO</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="69"/>
        <source>Arrivals</source>
        <translation>Arrivals</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="70"/>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="70"/>
        <source>Relegated</source>
        <translation>Relegated</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="70"/>
        <source>Attainment</source>
        <translation>Attainment</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="71"/>
        <source>Goodput</source>
        <translation>Goodput</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="72"/>
        <source>Queue p50/p99</source>
        <translation>Queue p50/p99</translation>
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
        <translation>Classes</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="88"/>
        <source>Latency per class (p50 / p99)</source>
        <translation>Latency per class (p50 / p99)</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="93"/>
        <source>Watched</source>
        <translation>Watched</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="93"/>
        <source>Attainment a</source>
        <translation>Attainment a</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="94"/>
        <source>Attainment b</source>
        <translation>Attainment b</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="94"/>
        <location filename="../ui/report/html_report_writer.cpp" line="95"/>
        <location filename="../ui/report/html_report_writer.cpp" line="96"/>
        <source>Difference</source>
        <translation>Difference</translation>
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
        <translation>Latency a</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="96"/>
        <source>Latency b</source>
        <translation>Latency b</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="106"/>
        <source>All classes</source>
        <translation>All classes</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="114"/>
        <source>Comparison: %1 (a) with %2 (b)</source>
        <translation>Comparison: %1 (a) with %2 (b)</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="118"/>
        <source>Settings changed from a to b</source>
        <translation>Settings changed from a to b</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="120"/>
        <source>None: both runs ran with the same settings.</source>
        <translation>None: both runs ran with the same settings.</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="122"/>
        <source>Setting</source>
        <translation>Setting</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="122"/>
        <source>Run a</source>
        <translation>Run a</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="122"/>
        <source>Run b</source>
        <translation>Run b</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="128"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="132"/>
        <source>Plan as JSON</source>
        <translation>Plan as JSON</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="156"/>
        <source>Scenario %1, started %2</source>
        <translation>Scenario %1, started %2</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="160"/>
        <source>Run and totals</source>
        <translation>Run and totals</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="162"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../ui/report/html_report_writer.cpp" line="168"/>
        <source>Latency and throughput over time</source>
        <translation>Latency and throughput over time</translation>
    </message>
</context>
<context>
    <name>PdfReport</name>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="99"/>
        <source>page %1</source>
        <translation>page %1</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="215"/>
        <source>Scenario %1, started %2</source>
        <translation>Scenario %1, started %2</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="226"/>
        <source>Run and totals</source>
        <translation>Run and totals</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="228"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="240"/>
        <source>Comparison: %1 (a) with %2 (b)</source>
        <translation>Comparison: %1 (a) with %2 (b)</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="242"/>
        <location filename="../ui/report/pdf_report_writer.cpp" line="272"/>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="242"/>
        <source>Watched</source>
        <translation>Watched</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="242"/>
        <source>Attainment a</source>
        <translation>Attainment a</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="243"/>
        <source>Attainment b</source>
        <translation>Attainment b</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="243"/>
        <location filename="../ui/report/pdf_report_writer.cpp" line="244"/>
        <location filename="../ui/report/pdf_report_writer.cpp" line="245"/>
        <source>Difference</source>
        <translation>Difference</translation>
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
        <translation>Latency a</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="245"/>
        <source>Latency b</source>
        <translation>Latency b</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="255"/>
        <source>All classes</source>
        <translation>All classes</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="262"/>
        <source>Settings changed from a to b</source>
        <translation>Settings changed from a to b</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="265"/>
        <source>none: both runs ran with the same settings</source>
        <translation>none: both runs ran with the same settings</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="266"/>
        <source>Setting</source>
        <translation>Setting</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="266"/>
        <source>Run a</source>
        <translation>Run a</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="266"/>
        <source>Run b</source>
        <translation>Run b</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="271"/>
        <source>Classes</source>
        <translation>Classes</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="272"/>
        <source>SLO</source>
        <translation>SLO</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="272"/>
        <source>Arrivals</source>
        <translation>Arrivals</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="273"/>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="273"/>
        <source>Relegated</source>
        <translation>Relegated</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="273"/>
        <source>Attainment</source>
        <translation>Attainment</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="274"/>
        <source>Goodput</source>
        <translation>Goodput</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="274"/>
        <source>Queue p50/p99</source>
        <translation>Queue p50/p99</translation>
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
        <translation>Latency and throughput over time</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="305"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="317"/>
        <source>Plan as JSON</source>
        <translation>Plan as JSON</translation>
    </message>
    <message>
        <location filename="../ui/report/pdf_report_writer.cpp" line="351"/>
        <source>%1: cannot start the PDF</source>
        <translation>%1: cannot start the PDF</translation>
    </message>
</context>
<context>
    <name>PlanningDocks</name>
    <message>
        <location filename="../ui/mainwindow/planning_docks.cpp" line="32"/>
        <source>Scenario</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/planning_docks.cpp" line="46"/>
        <source>Planner</source>
        <translation>Planner</translation>
    </message>
</context>
<context>
    <name>ReportChart</name>
    <message>
        <location filename="../ui/report/report_chart.cpp" line="133"/>
        <source>virtual time (s)</source>
        <translation>virtual time (s)</translation>
    </message>
</context>
<context>
    <name>ReportDocument</name>
    <message>
        <location filename="../ui/report/report_document.cpp" line="23"/>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="23"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="56"/>
        <source>Run report: %1</source>
        <translation>Run report: %1</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="64"/>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="64"/>
        <source>%1 (id %2)</source>
        <translation>%1 (id %2)</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="65"/>
        <source>Scenario</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="66"/>
        <source>Started</source>
        <translation>Started</translation>
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
        <translation>Virtual time</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="68"/>
        <source>%1 s of %2 s</source>
        <translation>%1 s of %2 s</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="69"/>
        <source>Requests arrived</source>
        <translation>Requests arrived</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="70"/>
        <source>Requests completed</source>
        <translation>Requests completed</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="71"/>
        <source>Met their SLO</source>
        <translation>Met their SLO</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="72"/>
        <source>SLO attainment</source>
        <translation>SLO attainment</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="76"/>
        <source>Goodput</source>
        <translation>Goodput</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="77"/>
        <source>Output tokens</source>
        <translation>Output tokens</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="78"/>
        <source>Output tokens per second</source>
        <translation>Output tokens per second</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="87"/>
        <source>Executor</source>
        <translation>Executor</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="87"/>
        <source>constant, %1 per iteration</source>
        <translation>constant, %1 per iteration</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="89"/>
        <source>modeled</source>
        <translation>modeled</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="104"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="106"/>
        <source>Hardware</source>
        <translation>Hardware</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="109"/>
        <source>Tensor parallel</source>
        <translation>Tensor parallel</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="96"/>
        <location filename="../ui/report/report_document.cpp" line="111"/>
        <source>model default</source>
        <translation>model default</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="97"/>
        <source>Group %1</source>
        <translation>Group %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/report/report_document.cpp" line="98"/>
        <source>%1 on %2, tensor parallel %3, %n instance(s), %4</source>
        <translation>
            <numerusform>%1 on %2, tensor parallel %3, %n instance, %4</numerusform>
            <numerusform>%1 on %2, tensor parallel %3, %n instances, %4</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="102"/>
        <source>Tier router</source>
        <translation>Tier router</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="112"/>
        <location filename="../ui/report/report_document.cpp" line="225"/>
        <source>Instances</source>
        <translation>Instances</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="113"/>
        <source>Router</source>
        <translation>Router</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="115"/>
        <source>Scheduler policy</source>
        <translation>Scheduler policy</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="117"/>
        <source>Hybrid alpha</source>
        <translation>Hybrid alpha</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="117"/>
        <source>%1 ms/token</source>
        <translation>%1 ms/token</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="119"/>
        <source>Chunking</source>
        <translation>Chunking</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="120"/>
        <source>Relegation</source>
        <translation>Relegation</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="120"/>
        <location filename="../ui/report/report_document.cpp" line="121"/>
        <source>on</source>
        <translation>on</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="120"/>
        <location filename="../ui/report/report_document.cpp" line="121"/>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="121"/>
        <source>Selective preemption</source>
        <translation>Selective preemption</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="122"/>
        <source>Batch limits</source>
        <translation>Batch limits</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="122"/>
        <source>%1 tokens, %2 sequences</source>
        <translation>%1 tokens, %2 sequences</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="124"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="125"/>
        <source>Duration</source>
        <translation>Duration</translation>
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
        <translation>%1 to %2</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="141"/>
        <source>median %1, p90 %2, at most %3</source>
        <translation>median %1, p90 %2, at most %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/report/report_document.cpp" line="143"/>
        <source>%n listed value(s)</source>
        <translation>
            <numerusform>%n listed value</numerusform>
            <numerusform>%n listed values</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="147"/>
        <source>%1: rank</source>
        <translation>%1: rank</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="148"/>
        <source>%1: SLO</source>
        <translation>%1: SLO</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="149"/>
        <source>%1: arrival rate</source>
        <translation>%1: arrival rate</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/report/report_document.cpp" line="152"/>
        <source>%1, %n phase(s)</source>
        <translation>
            <numerusform>%1, %n phase</numerusform>
            <numerusform>%1, %n phases</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="154"/>
        <source>%1: prompt tokens</source>
        <translation>%1: prompt tokens</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="155"/>
        <source>%1: output tokens</source>
        <translation>%1: output tokens</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="158"/>
        <source>%1: reward weight</source>
        <translation>%1: reward weight</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="163"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="165"/>
        <source>%1: task mix</source>
        <translation>%1: task mix</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="173"/>
        <source>Metrics window</source>
        <translation>Metrics window</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="192"/>
        <source>%1: %2 over time</source>
        <translation>%1: %2 over time</translation>
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
        <translation>Throughput over time</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="204"/>
        <source>output tokens/s</source>
        <translation>output tokens/s</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="214"/>
        <source>all classes</source>
        <translation>all classes</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="224"/>
        <source>Objective</source>
        <translation>Objective</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="226"/>
        <source>Cost</source>
        <translation>Cost</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="227"/>
        <source>Solve time (s)</source>
        <translation>Solve time (s)</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="228"/>
        <source>Explanation</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="241"/>
        <source>Instance</source>
        <translation>Instance</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="241"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../ui/report/report_document.cpp" line="242"/>
        <source>%1 (req/s)</source>
        <translation>%1 (req/s)</translation>
    </message>
</context>
<context>
    <name>ReportFile</name>
    <message>
        <location filename="../ui/report/report_file.cpp" line="18"/>
        <source>%1: cannot open for writing: %2</source>
        <translation>%1: cannot open for writing: %2</translation>
    </message>
    <message>
        <location filename="../ui/report/report_file.cpp" line="24"/>
        <location filename="../ui/report/report_file.cpp" line="32"/>
        <source>%1: cannot write: %2</source>
        <translation>%1: cannot write: %2</translation>
    </message>
</context>
<context>
    <name>ReportText</name>
    <message>
        <location filename="../ui/report/report_text.cpp" line="48"/>
        <source>queue time</source>
        <translation>queue time</translation>
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
        <translation>running</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="38"/>
        <source>finished</source>
        <translation>finished</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="39"/>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="40"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="41"/>
        <source>interrupted</source>
        <translation>interrupted</translation>
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
        <translation>gap between tokens</translation>
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
        <translation>%1%2 pp</translation>
    </message>
    <message>
        <location filename="../ui/report/report_text.cpp" line="84"/>
        <source>%1 req/s</source>
        <translation>%1 req/s</translation>
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
        <translation>none</translation>
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
        <translation>%1: unknown report type; use one of %2</translation>
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
        <translation>Constant</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="59"/>
        <source>&quot;%1&quot;: write START=RATE for a step or START-END=RATE for a ramp</source>
        <translation>&quot;%1&quot;: write START=RATE for a step or START-END=RATE for a ramp</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="155"/>
        <source>Poisson, Gamma (bursty: set the CV) or Constant (evenly spaced)</source>
        <translation>Poisson, Gamma (bursty: set the CV) or Constant (evenly spaced)</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="156"/>
        <source>Requests per second before the first phase</source>
        <translation>Requests per second before the first phase</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="157"/>
        <source>Coefficient of variation of the gaps between arrivals (Gamma only; 1 is Poisson)</source>
        <translation>Coefficient of variation of the gaps between arrivals (Gamma only; 1 is Poisson)</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="158"/>
        <source>Comma-separated START=RATE steps and START-END=RATE ramps, seconds and requests per second</source>
        <translation>Comma-separated START=RATE steps and START-END=RATE ramps, seconds and requests per second</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="159"/>
        <source>This class&apos;s share of a trace&apos;s requests (traces without a class column)</source>
        <translation>This class&apos;s share of a trace&apos;s requests (traces without a class column)</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="169"/>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="170"/>
        <source>Arrivals</source>
        <translation>Arrivals</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="171"/>
        <source>Rate (req/s)</source>
        <translation>Rate (req/s)</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="172"/>
        <source>CV</source>
        <translation>CV</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="173"/>
        <source>Phases</source>
        <translation>Phases</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="174"/>
        <source>Trace share</source>
        <translation>Trace share</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="188"/>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="205"/>
        <source>must be Poisson, Gamma or Constant</source>
        <translation>must be Poisson, Gamma or Constant</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="217"/>
        <source>only Gamma arrivals have a CV</source>
        <translation>only Gamma arrivals have a CV</translation>
    </message>
    <message>
        <location filename="../ui/models/class_arrival_model.cpp" line="233"/>
        <source>must be a number, 0 or more</source>
        <translation>must be a number, 0 or more</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ClassEditor</name>
    <message>
        <location filename="../ui/widgets/class_editor.cpp" line="53"/>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_editor.cpp" line="53"/>
        <source>Add a class (it replays from the next restart)</source>
        <translation>Add a class (it replays from the next restart)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_editor.cpp" line="54"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_editor.cpp" line="54"/>
        <source>Remove the selected class</source>
        <translation>Remove the selected class</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_editor.cpp" line="55"/>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_editor.cpp" line="55"/>
        <source>Move the selected class up</source>
        <translation>Move the selected class up</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_editor.cpp" line="56"/>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_editor.cpp" line="56"/>
        <source>Move the selected class down</source>
        <translation>Move the selected class down</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_editor.cpp" line="92"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_editor.cpp" line="100"/>
        <source>The class set, order or rates changed: they apply when the replay restarts (Stop, then Play).</source>
        <translation>The class set, order or rates changed: they apply when the replay restarts (Stop, then Play).</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ClassFiguresPanel</name>
    <message>
        <location filename="../ui/widgets/class_figures_panel.cpp" line="151"/>
        <source>All classes</source>
        <translation>All classes</translation>
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
        <translation>seconds</translation>
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
        <translation>high</translation>
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
        <translation>low</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="69"/>
        <source>Write the task mix as task names with shares, e.g. &quot;mmlu 0.6, gsm8k 0.4&quot;; could not read &quot;%1&quot;.</source>
        <translation>Write the task mix as task names with shares, e.g. &quot;mmlu 0.6, gsm8k 0.4&quot;; could not read &quot;%1&quot;.</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="128"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="133"/>
        <source>p%1</source>
        <translation>p%1</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="135"/>
        <source>trace</source>
        <translation>trace</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="141"/>
        <source>%1 (default)</source>
        <translation>%1 (default)</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="151"/>
        <source>Unique class name</source>
        <translation>Unique class name</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="152"/>
        <source>0 is the most urgent class; orders classes for the priority policy</source>
        <translation>0 is the most urgent class; orders classes for the priority policy</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="153"/>
        <source>Low-importance requests are relegated first when deadlines slip</source>
        <translation>Low-importance requests are relegated first when deadlines slip</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="154"/>
        <source>Time to first token bound in seconds; empty for none</source>
        <translation>Time to first token bound in seconds; empty for none</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="155"/>
        <source>Time between tokens bound in seconds; empty for none</source>
        <translation>Time between tokens bound in seconds; empty for none</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="156"/>
        <source>Time to last token bound in seconds; empty for none</source>
        <translation>Time to last token bound in seconds; empty for none</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="157"/>
        <source>The percentile the SLO is judged on, e.g. 99 for p99</source>
        <translation>The percentile the SLO is judged on, e.g. 99 for p99</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="159"/>
        <location filename="../ui/models/class_table_model.cpp" line="244"/>
        <source>Arrivals come from the scenario&apos;s trace</source>
        <translation>Arrivals come from the scenario&apos;s trace</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="160"/>
        <source>Base arrival rate in requests per second; applies when the replay restarts</source>
        <translation>Base arrival rate in requests per second; applies when the replay restarts</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="162"/>
        <source>What a request that meets its SLO is worth, times the serving model&apos;s accuracy (e.g. 2 for high-priority traffic); routing between model tiers maximises it; applies when the replay restarts</source>
        <translation>What a request that meets its SLO is worth, times the serving model&apos;s accuracy (e.g. 2 for high-priority traffic); routing between model tiers maximises it; applies when the replay restarts</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="165"/>
        <source>The tasks of the class&apos;s requests with their shares, e.g. &quot;mmlu 0.6, gsm8k 0.4&quot;; the serving model&apos;s accuracy on each task sets the reward; applies when the replay restarts</source>
        <translation>The tasks of the class&apos;s requests with their shares, e.g. &quot;mmlu 0.6, gsm8k 0.4&quot;; the serving model&apos;s accuracy on each task sets the reward; applies when the replay restarts</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="177"/>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="178"/>
        <source>Rank</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="179"/>
        <source>Importance</source>
        <translation>Importance</translation>
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
        <translation>Percentile</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="184"/>
        <source>Rate (req/s)</source>
        <translation>Rate (req/s)</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="185"/>
        <source>Reward weight</source>
        <translation>Reward weight</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="186"/>
        <source>Task mix</source>
        <translation>Task mix</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="199"/>
        <source>No such class</source>
        <translation>No such class</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="219"/>
        <source>The importance must be high, normal or low</source>
        <translation>The importance must be high, normal or low</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="265"/>
        <source>No such column</source>
        <translation>No such column</translation>
    </message>
    <message>
        <location filename="../ui/models/class_table_model.cpp" line="357"/>
        <source>A scenario needs at least one class</source>
        <translation>A scenario needs at least one class</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ConnectDialog</name>
    <message>
        <location filename="../ui/dialogs/connect_dialog.cpp" line="25"/>
        <source>Remember the key (kept unencrypted in the settings)</source>
        <translation>Remember the key (kept unencrypted in the settings)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/connect_dialog.cpp" line="27"/>
        <source>Connect to a Remote Pool</source>
        <translation>Connect to a Remote Pool</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/connect_dialog.cpp" line="32"/>
        <source>An admin key of the server or router</source>
        <translation>An admin key of the server or router</translation>
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
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/connect_dialog.cpp" line="37"/>
        <source>Admin &amp;key:</source>
        <translation>Admin &amp;key:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/connect_dialog.cpp" line="38"/>
        <source>K&amp;ind:</source>
        <translation>K&amp;ind:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/connect_dialog.cpp" line="41"/>
        <source>&amp;Connect</source>
        <translation>&amp;Connect</translation>
    </message>
</context>
<context>
    <name>headroom::ui::Dashboard</name>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="30"/>
        <source>Latency:</source>
        <translation>Latency:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="33"/>
        <source>Each class&apos;s SLO metric</source>
        <translation>Each class&apos;s SLO metric</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="34"/>
        <source>Queue time</source>
        <translation>Queue time</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="35"/>
        <source>Time to first token</source>
        <translation>Time to first token</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="36"/>
        <source>Time between tokens (as judged)</source>
        <translation>Time between tokens (as judged)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="38"/>
        <source>Each request&apos;s effective time between tokens against its token deadlines (arrival + TTFT + (n − 1) × TBT): above the SLO line exactly when a token was late</source>
        <translation>Each request&apos;s effective time between tokens against its token deadlines (arrival + TTFT + (n − 1) × TBT): above the SLO line exactly when a token was late</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="41"/>
        <source>Time to last token</source>
        <translation>Time to last token</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="42"/>
        <source>Gap between tokens</source>
        <translation>Gap between tokens</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="44"/>
        <source>Every gap between two tokens; no SLO judges a single gap, so no SLO line is drawn</source>
        <translation>Every gap between two tokens; no SLO judges a single gap, so no SLO line is drawn</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="46"/>
        <source>Window:</source>
        <translation>Window:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="48"/>
        <source>1 minute</source>
        <translation>1 minute</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="49"/>
        <source>5 minutes</source>
        <translation>5 minutes</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="50"/>
        <source>10 minutes</source>
        <translation>10 minutes</translation>
    </message>
    <message>
        <location filename="../ui/widgets/dashboard.cpp" line="51"/>
        <source>1 hour</source>
        <translation>1 hour</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/dashboard.cpp" line="83"/>
        <source>Disconnected: these figures are not live, last update %n s ago</source>
        <translation>
            <numerusform>Disconnected: these figures are not live, last update %n s ago</numerusform>
            <numerusform>Disconnected: these figures are not live, last update %n s ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>headroom::ui::DeployExportDialog</name>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="71"/>
        <source>Limit the fleet&apos;s &amp;GPUs to</source>
        <translation>Limit the fleet&apos;s &amp;GPUs to</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="80"/>
        <source>Export the Plan to Kubernetes</source>
        <translation>Export the Plan to Kubernetes</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="81"/>
        <source>Kustomize base</source>
        <translation>Kustomize base</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="82"/>
        <source>Gateway API</source>
        <translation>Gateway API</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="85"/>
        <source>The container image with headroom-cli that every server and the router run</source>
        <translation>The container image with headroom-cli that every server and the router run</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="87"/>
        <source> GPUs</source>
        <translation> GPUs</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="89"/>
        <source>A plan needing more GPUs is refused; the budget also becomes a ResourceQuota</source>
        <translation>A plan needing more GPUs is refused; the budget also becomes a ResourceQuota</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="91"/>
        <source>The Gateway the HTTPRoute attaches to</source>
        <translation>The Gateway the HTTPRoute attaches to</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="92"/>
        <source>Made from the plan&apos;s classes, with a placeholder key</source>
        <translation>Made from the plan&apos;s classes, with a placeholder key</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="93"/>
        <source>The serving configuration every mode starts from (tenants, keys, limits)</source>
        <translation>The serving configuration every mode starts from (tenants, keys, limits)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="94"/>
        <source>A new or empty directory, or one written by an earlier export</source>
        <translation>A new or empty directory, or one written by an earlier export</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="99"/>
        <source>&amp;Target:</source>
        <translation>&amp;Target:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="101"/>
        <source>&amp;Image:</source>
        <translation>&amp;Image:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="106"/>
        <source>GPU budget:</source>
        <translation>GPU budget:</translation>
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
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="110"/>
        <source>&amp;Serve configuration:</source>
        <translation>&amp;Serve configuration:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="113"/>
        <source>&amp;Directory:</source>
        <translation>&amp;Directory:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="114"/>
        <source>Modes:</source>
        <translation>Modes:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="115"/>
        <source>GPUs:</source>
        <translation>GPUs:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="118"/>
        <source>&amp;Export</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="126"/>
        <source>%1: no model and hardware</source>
        <translation>%1: no model and hardware</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="129"/>
        <source>%1: %2 on %3, tensor-parallel degree %4, %n instance(s)</source>
        <translation>
            <numerusform>%1: %2 on %3, tensor-parallel degree %4, %n instance</numerusform>
            <numerusform>%1: %2 on %3, tensor-parallel degree %4, %n instances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="204"/>
        <source>The plan needs %n GPU(s).</source>
        <translation>
            <numerusform>The plan needs %n GPU.</numerusform>
            <numerusform>The plan needs %n GPUs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="207"/>
        <source>That is over the budget of %n GPU(s): the export will be refused.</source>
        <translation>
            <numerusform>That is over the budget of %n GPU: the export will be refused.</numerusform>
            <numerusform>That is over the budget of %n GPUs: the export will be refused.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="209"/>
        <source>Within the budget of %n GPU(s).</source>
        <translation>
            <numerusform>Within the budget of %n GPU.</numerusform>
            <numerusform>Within the budget of %n GPUs.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="215"/>
        <source>The Kustomize base, plus per mode an InferencePool, an HTTPRoute weighting each class&apos;s modes and the InferenceObjectives of the Gateway API Inference Extension (its controller must be installed).</source>
        <translation>The Kustomize base, plus per mode an InferencePool, an HTTPRoute weighting each class&apos;s modes and the InferenceObjectives of the Gateway API Inference Extension (its controller must be installed).</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="217"/>
        <source>Core kinds only: per mode a Deployment, Service, serve configuration (a Secret: it holds the API keys) and PodDisruptionBudget, and the router as a Deployment and Service with the plan&apos;s shares; runs on any cluster.</source>
        <translation>Core kinds only: per mode a Deployment, Service, serve configuration (a Secret: it holds the API keys) and PodDisruptionBudget, and the router as a Deployment and Service with the plan&apos;s shares; runs on any cluster.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="234"/>
        <source>Serve Configuration</source>
        <translation>Serve Configuration</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="235"/>
        <source>Serving configurations (*.json);;All files (*)</source>
        <translation>Serving configurations (*.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/deploy_export_dialog.cpp" line="240"/>
        <source>Export to Directory</source>
        <translation>Export to Directory</translation>
    </message>
</context>
<context>
    <name>headroom::ui::FigureTile</name>
    <message>
        <location filename="../ui/widgets/class_figures_panel.cpp" line="44"/>
        <source>Mean reward per completed request: the class&apos;s reward weight × the serving model&apos;s accuracy on the request&apos;s task when it met its SLO, else 0</source>
        <translation>Mean reward per completed request: the class&apos;s reward weight × the serving model&apos;s accuracy on the request&apos;s task when it met its SLO, else 0</translation>
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
        <translation>SLO met · target %1 %</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_figures_panel.cpp" line="63"/>
        <source>goodput %1 req/s</source>
        <translation>goodput %1 req/s</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_figures_panel.cpp" line="64"/>
        <source>%1 tokens/s</source>
        <translation>%1 tokens/s</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/class_figures_panel.cpp" line="65"/>
        <source>%n relegated</source>
        <translation>
            <numerusform>%n relegated</numerusform>
            <numerusform>%n relegated</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_figures_panel.cpp" line="73"/>
        <source>mean reward %1</source>
        <translation>mean reward %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/class_figures_panel.cpp" line="74"/>
        <source>mean reward —</source>
        <translation>mean reward —</translation>
    </message>
</context>
<context>
    <name>headroom::ui::LogPanel</name>
    <message>
        <location filename="../ui/widgets/log_panel.cpp" line="14"/>
        <source>trace</source>
        <translation>trace</translation>
    </message>
    <message>
        <location filename="../ui/widgets/log_panel.cpp" line="15"/>
        <source>debug</source>
        <translation>debug</translation>
    </message>
    <message>
        <location filename="../ui/widgets/log_panel.cpp" line="16"/>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <location filename="../ui/widgets/log_panel.cpp" line="17"/>
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <location filename="../ui/widgets/log_panel.cpp" line="18"/>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../ui/widgets/log_panel.cpp" line="19"/>
        <source>critical</source>
        <translation>critical</translation>
    </message>
    <message>
        <location filename="../ui/widgets/log_panel.cpp" line="28"/>
        <source>Show from:</source>
        <translation>Show from:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/log_panel.cpp" line="34"/>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>headroom::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="66"/>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="67"/>
        <source>Playing</source>
        <translation>Playing</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="68"/>
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="69"/>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="70"/>
        <source>Failed</source>
        <translation>Failed</translation>
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
        <translation>No scenario</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="134"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="139"/>
        <location filename="../ui/mainwindow/main_window.cpp" line="425"/>
        <source>&amp;Play</source>
        <translation>&amp;Play</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="141"/>
        <source>Play or pause the replay (Space)</source>
        <translation>Play or pause the replay (Space)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="143"/>
        <source>S&amp;tep</source>
        <translation>S&amp;tep</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="145"/>
        <source>Advance %1 s of virtual time, then pause (Ctrl+Right)</source>
        <translation>Advance %1 s of virtual time, then pause (Ctrl+Right)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="147"/>
        <source>&amp;Stop</source>
        <translation>&amp;Stop</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="149"/>
        <source>End the replay; Play starts it again from the beginning (Ctrl+.)</source>
        <translation>End the replay; Play starts it again from the beginning (Ctrl+.)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="151"/>
        <source>&amp;Restart</source>
        <translation>&amp;Restart</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="153"/>
        <source>Rebuild the replay from the start with the current classes (Ctrl+R)</source>
        <translation>Rebuild the replay from the start with the current classes (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="158"/>
        <source>Real time (1×)</source>
        <translation>Real time (1×)</translation>
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
        <translation>As fast as possible</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="176"/>
        <source>System default</source>
        <translation>System default</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="177"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="178"/>
        <source>German (Deutsch)</source>
        <translation>German (Deutsch)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="187"/>
        <source>&amp;About Headroom</source>
        <translation>&amp;About Headroom</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="193"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="203"/>
        <source>&amp;Replay</source>
        <translation>&amp;Replay</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="209"/>
        <source>S&amp;peed</source>
        <translation>S&amp;peed</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="212"/>
        <source>P&amp;ool</source>
        <translation>P&amp;ool</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="216"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="219"/>
        <source>&amp;Settings</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="220"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="223"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="226"/>
        <source>Replay</source>
        <translation>Replay</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="236"/>
        <source>Classes and SLOs</source>
        <translation>Classes and SLOs</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="243"/>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="250"/>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="259"/>
        <source>Router members</source>
        <translation>Router members</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="325"/>
        <source>no workspace is open</source>
        <translation>no workspace is open</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="349"/>
        <location filename="../ui/mainwindow/main_window.cpp" line="369"/>
        <source>Open Scenario</source>
        <translation>Open Scenario</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="350"/>
        <source>The scenario %1 replaces the setup of the workspace %2: its classes, workload, pool and scheduler settings. Its stored runs and plans are kept. Replace the setup?</source>
        <translation>The scenario %1 replaces the setup of the workspace %2: its classes, workload, pool and scheduler settings. Its stored runs and plans are kept. Replace the setup?</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="369"/>
        <source>Scenario files (*.json);;All files (*)</source>
        <translation>Scenario files (*.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="373"/>
        <source>Cannot open scenario</source>
        <translation>Cannot open scenario</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="374"/>
        <source>The scenario could not be opened; the current one stays loaded.

%1</source>
        <translation>The scenario could not be opened; the current one stays loaded.

%1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="380"/>
        <source>About Headroom</source>
        <translation>About Headroom</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="381"/>
        <source>&lt;h3&gt;Headroom %1&lt;/h3&gt;&lt;p&gt;An operations console for GPU inference pools serving many QoS classes: define classes and their SLOs, replay load scenarios on a simulated pool and watch per class how long requests queue, how fast they are served and how many meet their SLO.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Headroom %1&lt;/h3&gt;&lt;p&gt;An operations console for GPU inference pools serving many QoS classes: define classes and their SLOs, replay load scenarios on a simulated pool and watch per class how long requests queue, how fast they are served and how many meet their SLO.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="403"/>
        <source>%1 — Headroom</source>
        <translation>%1 — Headroom</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="395"/>
        <source>Scenario: %1</source>
        <translation>Scenario: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="131"/>
        <source>Open &amp;Scenario…</source>
        <translation>Open &amp;Scenario…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="405"/>
        <source>%1 (%2) — Headroom</source>
        <translation>%1 (%2) — Headroom</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="425"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="432"/>
        <source>%1 arrived · %2 completed · %3 met their SLO</source>
        <translation>%1 arrived · %2 completed · %3 met their SLO</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="440"/>
        <source>The replay failed: %1</source>
        <translation>The replay failed: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="451"/>
        <source>The language changes when Headroom starts again.</source>
        <translation>The language changes when Headroom starts again.</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ModelMixChart</name>
    <message>
        <location filename="../ui/charts/model_mix_chart.cpp" line="48"/>
        <source>mean reward</source>
        <translation>mean reward</translation>
    </message>
    <message>
        <location filename="../ui/charts/model_mix_chart.cpp" line="54"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location filename="../ui/charts/model_mix_chart.cpp" line="60"/>
        <source>reward</source>
        <translation>reward</translation>
    </message>
    <message>
        <location filename="../ui/charts/model_mix_chart.cpp" line="118"/>
        <source>%1 — model mix (% of completions)</source>
        <translation>%1 — model mix (% of completions)</translation>
    </message>
</context>
<context>
    <name>headroom::ui::PanelChart</name>
    <message>
        <location filename="../ui/charts/panel_chart_style.cpp" line="30"/>
        <source>virtual time (s)</source>
        <translation>virtual time (s)</translation>
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
        <translation>within the gap</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="22"/>
        <source>time limit</source>
        <translation>time limit</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="23"/>
        <source>infeasible</source>
        <translation>infeasible</translation>
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
        <translation>compliant</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="49"/>
        <source>near miss</source>
        <translation>near miss</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="50"/>
        <source>over the bound</source>
        <translation>over the bound</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="102"/>
        <source>p%1 %2 of class %3 must stay within %4</source>
        <translation>p%1 %2 of class %3 must stay within %4</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="128"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="133"/>
        <source>No prediction: the plan has no solution or the class no traffic</source>
        <translation>No prediction: the plan has no solution or the class no traffic</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="134"/>
        <source>Predicted p%1 %2 %3 against a bound of %4</source>
        <translation>Predicted p%1 %2 %3 against a bound of %4</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="147"/>
        <source>Bound</source>
        <translation>Bound</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="148"/>
        <source>Recommended (priority)</source>
        <translation>Recommended (priority)</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="149"/>
        <source>FCFS baseline</source>
        <translation>FCFS baseline</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="150"/>
        <source>Siloed baseline</source>
        <translation>Siloed baseline</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="156"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="157"/>
        <source>Instances</source>
        <translation>Instances</translation>
    </message>
    <message>
        <location filename="../ui/models/plan_comparison_model.cpp" line="158"/>
        <source>Cost</source>
        <translation>Cost</translation>
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
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="53"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="54"/>
        <source>&amp;Apply to Pool</source>
        <translation>&amp;Apply to Pool</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="55"/>
        <source>&amp;Verify by Replay</source>
        <translation>&amp;Verify by Replay</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="56"/>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="62"/>
        <source>The most instances a plan may use</source>
        <translation>The most instances a plan may use</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="63"/>
        <source>Measure each class&apos;s latency curve by replay and compute the fewest instances that keep every class within its bound, with the FCFS and siloed baselines</source>
        <translation>Measure each class&apos;s latency curve by replay and compute the fewest instances that keep every class within its bound, with the FCFS and siloed baselines</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="65"/>
        <source>Set the pool to the recommended instances, route each class by the plan&apos;s shares and order requests by class priority inside instances; the replay restarts</source>
        <translation>Set the pool to the recommended instances, route each class by the plan&apos;s shares and order requests by class priority inside instances; the replay restarts</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="67"/>
        <source>Replay the applied pool and compare each class&apos;s measured latency with the prediction</source>
        <translation>Replay the applied pool and compare each class&apos;s measured latency with the prediction</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="68"/>
        <source>Write the plan as Kubernetes manifests, a Kustomize directory: the same files as headroom-cli deploy</source>
        <translation>Write the plan as Kubernetes manifests, a Kustomize directory: the same files as headroom-cli deploy</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="72"/>
        <source>%v of about %m replays</source>
        <translation>%v of about %m replays</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="77"/>
        <source>Max instances:</source>
        <translation>Max instances:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="108"/>
        <source>Plan the current scenario&apos;s classes on its model and hardware.</source>
        <translation>Plan the current scenario&apos;s classes on its model and hardware.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="120"/>
        <source>Class %1: its bound of %2 s (%3) is below its service floor of %4 s on mode %5, its latency with the instance otherwise idle, which no number of instances lowers.</source>
        <translation>Class %1: its bound of %2 s (%3) is below its service floor of %4 s on mode %5, its latency with the instance otherwise idle, which no number of instances lowers.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="124"/>
        <source>No mode meets it.</source>
        <translation>No mode meets it.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="126"/>
        <source>Mode %1 meets it (floor %2 s).</source>
        <translation>Mode %1 meets it (floor %2 s).</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="149"/>
        <source>Open a scenario first.</source>
        <translation>Open a scenario first.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="156"/>
        <source>This scenario cannot be planned: %1</source>
        <translation>This scenario cannot be planned: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="163"/>
        <source>Measuring latency curves…</source>
        <translation>Measuring latency curves…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="170"/>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="178"/>
        <location filename="../ui/widgets/planner_panel.cpp" line="262"/>
        <source>Replaying the applied pool…</source>
        <translation>Replaying the applied pool…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="180"/>
        <source>Measuring latency curves: %1 of about %2 replays</source>
        <translation>Measuring latency curves: %1 of about %2 replays</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="196"/>
        <source>Recommended: %1 instances with priority routing (FCFS needs %2, siloed %3). %4 curve replays, %5 s.</source>
        <translation>Recommended: %1 instances with priority routing (FCFS needs %2, siloed %3). %4 curve replays, %5 s.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="199"/>
        <location filename="../ui/widgets/planner_panel.cpp" line="200"/>
        <source>no plan</source>
        <translation>no plan</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="211"/>
        <source>No plan keeps every class within its bound: %1</source>
        <translation>No plan keeps every class within its bound: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/planner_panel.cpp" line="222"/>
        <source>%1: %n instance(s)</source>
        <translation>
            <numerusform>%1: %n instance</numerusform>
            <numerusform>%1: %n instances</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="223"/>
        <source>%1: no plan</source>
        <translation>%1: no plan</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="231"/>
        <source>Apply Plan</source>
        <translation>Apply Plan</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="232"/>
        <source>Applying the plan stops the replay in progress and starts it again from the beginning with the plan&apos;s pool. Apply it now?</source>
        <translation>Applying the plan stops the replay in progress and starts it again from the beginning with the plan&apos;s pool. Apply it now?</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="234"/>
        <source>Not applied; the replay goes on.</source>
        <translation>Not applied; the replay goes on.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="244"/>
        <source>Applied: %1 instances, each class routed by the plan&apos;s shares, priority ordering inside instances. The replay starts again from the beginning.</source>
        <translation>Applied: %1 instances, each class routed by the plan&apos;s shares, priority ordering inside instances. The replay starts again from the beginning.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="250"/>
        <source>The plan could not be applied: %1</source>
        <translation>The plan could not be applied: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="268"/>
        <source>Nothing to export: plan the scenario first.</source>
        <translation>Nothing to export: plan the scenario first.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/planner_panel.cpp" line="276"/>
        <source>Exported %n file(s) to %1 (instances: %2, GPUs: %3). Render them with: kubectl kustomize %1</source>
        <translation>
            <numerusform>Exported %n file to %1 (instances: %2, GPUs: %3). Render them with: kubectl kustomize %1</numerusform>
            <numerusform>Exported %n files to %1 (instances: %2, GPUs: %3). Render them with: kubectl kustomize %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="306"/>
        <source>Not exported, nothing was written: %1</source>
        <translation>Not exported, nothing was written: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="316"/>
        <source>The replay held every class within its bound.</source>
        <translation>The replay held every class within its bound.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/planner_panel.cpp" line="318"/>
        <source>The replay missed the bound of %n class(es).</source>
        <translation>
            <numerusform>The replay missed the bound of %n class.</numerusform>
            <numerusform>The replay missed the bound of %n classes.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="326"/>
        <source>The planner failed: %1</source>
        <translation>The planner failed: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/planner_panel.cpp" line="334"/>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
</context>
<context>
    <name>headroom::ui::PoolGroupModel</name>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="43"/>
        <source>Round robin</source>
        <translation>Round robin</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="44"/>
        <source>Least loaded</source>
        <translation>Least loaded</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="45"/>
        <source>Class priority</source>
        <translation>Class priority</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="46"/>
        <source>Weighted (plan shares)</source>
        <translation>Weighted (plan shares)</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="85"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="92"/>
        <source>default</source>
        <translation>default</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="112"/>
        <source>Unique group name; tier routers and the model mix use it</source>
        <translation>Unique group name; tier routers and the model mix use it</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="113"/>
        <source>The model every instance of the group serves (resources/models)</source>
        <translation>The model every instance of the group serves (resources/models)</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="114"/>
        <source>The hardware each instance runs on (resources/hardware)</source>
        <translation>The hardware each instance runs on (resources/hardware)</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="115"/>
        <source>GPUs per instance; 0 for the model file&apos;s default</source>
        <translation>GPUs per instance; 0 for the model file&apos;s default</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="116"/>
        <source>Instances in the group</source>
        <translation>Instances in the group</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="117"/>
        <source>How the group spreads its requests over its instances</source>
        <translation>How the group spreads its requests over its instances</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="128"/>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="129"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="130"/>
        <source>Hardware</source>
        <translation>Hardware</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="131"/>
        <source>Tensor parallel</source>
        <translation>Tensor parallel</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="132"/>
        <source>Instances</source>
        <translation>Instances</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="133"/>
        <source>Instance router</source>
        <translation>Instance router</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="147"/>
        <source>No such group</source>
        <translation>No such group</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="149"/>
        <source>A constant iteration time has no model or hardware.</source>
        <translation>A constant iteration time has no model or hardware.</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="162"/>
        <source>Choose one of the models: %1.</source>
        <translation>Choose one of the models: %1.</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="168"/>
        <source>Choose one of the hardware profiles: %1.</source>
        <translation>Choose one of the hardware profiles: %1.</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="173"/>
        <source>The tensor-parallel degree must be a whole number, 0 for the model&apos;s default.</source>
        <translation>The tensor-parallel degree must be a whole number, 0 for the model&apos;s default.</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="179"/>
        <source>A group has from 1 to %1 instances.</source>
        <translation>A group has from 1 to %1 instances.</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="184"/>
        <source>The instance router must be round robin, least loaded, class priority or weighted.</source>
        <translation>The instance router must be round robin, least loaded, class priority or weighted.</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="186"/>
        <source>No such column</source>
        <translation>No such column</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="234"/>
        <source>A pool holds at most %1 groups.</source>
        <translation>A pool holds at most %1 groups.</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_group_model.cpp" line="255"/>
        <source>A pool needs at least one group.</source>
        <translation>A pool needs at least one group.</translation>
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
        <translation>&amp;Add Instance</translation>
    </message>
    <message>
        <location filename="../ui/widgets/pool_panel.cpp" line="31"/>
        <source>Add one instance to the running replay&apos;s pool; it takes new arrivals at once</source>
        <translation>Add one instance to the running replay&apos;s pool; it takes new arrivals at once</translation>
    </message>
    <message>
        <location filename="../ui/widgets/pool_panel.cpp" line="32"/>
        <source>&amp;Remove Instance</source>
        <translation>&amp;Remove Instance</translation>
    </message>
    <message>
        <location filename="../ui/widgets/pool_panel.cpp" line="34"/>
        <source>Drain the selected instance (else the newest): its queued requests move to the others, its running ones finish, then it leaves the pool</source>
        <translation>Drain the selected instance (else the newest): its queued requests move to the others, its running ones finish, then it leaves the pool</translation>
    </message>
</context>
<context>
    <name>headroom::ui::PoolTableModel</name>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="121"/>
        <source>instance %1</source>
        <translation>instance %1</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="124"/>
        <source>draining</source>
        <translation>draining</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="125"/>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="125"/>
        <source>idle</source>
        <translation>idle</translation>
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
        <translation>%1 waiting, %2 relegated</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="145"/>
        <source>%1 of %2 tokens in the last iteration</source>
        <translation>%1 of %2 tokens in the last iteration</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="157"/>
        <source>The pool group (one model on one hardware) the instance belongs to</source>
        <translation>The pool group (one model on one hardware) the instance belongs to</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="158"/>
        <source>Tokens of the last iteration against the most one iteration may hold: spare room per batch</source>
        <translation>Tokens of the last iteration against the most one iteration may hold: spare room per batch</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="159"/>
        <source>Share of the KV cache in use</source>
        <translation>Share of the KV cache in use</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="160"/>
        <source>Prompt tokens not yet computed, in seconds at this instance&apos;s recent prefill rate</source>
        <translation>Prompt tokens not yet computed, in seconds at this instance&apos;s recent prefill rate</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="161"/>
        <source>Requests waiting to start (waiting + relegated)</source>
        <translation>Requests waiting to start (waiting + relegated)</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="163"/>
        <source>Share of the recent time spent running iterations; a few decodes keep an instance busy, so this does not show spare capacity</source>
        <translation>Share of the recent time spent running iterations; a few decodes keep an instance busy, so this does not show spare capacity</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="171"/>
        <source>Instance</source>
        <translation>Instance</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="172"/>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="173"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="174"/>
        <source>Batch fill</source>
        <translation>Batch fill</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="175"/>
        <source>KV cache</source>
        <translation>KV cache</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="176"/>
        <source>Queued work</source>
        <translation>Queued work</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="177"/>
        <source>Busy</source>
        <translation>Busy</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="178"/>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="179"/>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="180"/>
        <source>Batch size</source>
        <translation>Batch size</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="181"/>
        <source>Batch tokens</source>
        <translation>Batch tokens</translation>
    </message>
    <message>
        <location filename="../ui/models/pool_table_model.cpp" line="182"/>
        <source>Iterations</source>
        <translation>Iterations</translation>
    </message>
</context>
<context>
    <name>headroom::ui::RemoteBridge</name>
    <message>
        <location filename="../ui/bridge/remote_bridge.cpp" line="46"/>
        <source>The address must be http://host:port or https://host:port.</source>
        <translation>The address must be http://host:port or https://host:port.</translation>
    </message>
    <message>
        <location filename="../ui/bridge/remote_bridge.cpp" line="48"/>
        <source>The server refused the key (401).</source>
        <translation>The server refused the key (401).</translation>
    </message>
    <message>
        <location filename="../ui/bridge/remote_bridge.cpp" line="49"/>
        <source>This key is not an admin key (403).</source>
        <translation>This key is not an admin key (403).</translation>
    </message>
    <message>
        <location filename="../ui/bridge/remote_bridge.cpp" line="50"/>
        <source>The server cannot be reached.</source>
        <translation>The server cannot be reached.</translation>
    </message>
    <message>
        <location filename="../ui/bridge/remote_bridge.cpp" line="51"/>
        <source>The secure (TLS) connection failed.</source>
        <translation>The secure (TLS) connection failed.</translation>
    </message>
    <message>
        <location filename="../ui/bridge/remote_bridge.cpp" line="52"/>
        <source>The server did not answer in time.</source>
        <translation>The server did not answer in time.</translation>
    </message>
    <message>
        <location filename="../ui/bridge/remote_bridge.cpp" line="53"/>
        <source>The connection was lost.</source>
        <translation>The connection was lost.</translation>
    </message>
    <message>
        <location filename="../ui/bridge/remote_bridge.cpp" line="54"/>
        <source>The server answered %1.</source>
        <translation>The server answered %1.</translation>
    </message>
    <message>
        <location filename="../ui/bridge/remote_bridge.cpp" line="55"/>
        <source>The server&apos;s answer could not be read.</source>
        <translation>The server&apos;s answer could not be read.</translation>
    </message>
    <message>
        <location filename="../ui/bridge/remote_bridge.cpp" line="57"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/bridge/remote_bridge.cpp" line="236"/>
        <source>The router runs without re-planning: start it with --replan advisory (or auto) to see its recommendation here.</source>
        <translation>The router runs without re-planning: start it with --replan advisory (or auto) to see its recommendation here.</translation>
    </message>
</context>
<context>
    <name>headroom::ui::RemoteController</name>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="20"/>
        <source>&amp;Connect…</source>
        <translation>&amp;Connect…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="21"/>
        <source>&amp;Disconnect</source>
        <translation>&amp;Disconnect</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="23"/>
        <source>Show a remote server&apos;s pool live, or link a router for the planner&apos;s shares</source>
        <translation>Show a remote server&apos;s pool live, or link a router for the planner&apos;s shares</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="24"/>
        <source>Return to the embedded pool</source>
        <translation>Return to the embedded pool</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="38"/>
        <source>Connected to %1.</source>
        <translation>Connected to %1.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="43"/>
        <source>Could not connect: %1 The embedded pool is shown.</source>
        <translation>Could not connect: %1 The embedded pool is shown.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="46"/>
        <source>Remote pool: %1 Reconnecting…</source>
        <translation>Remote pool: %1 Reconnecting…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="65"/>
        <source>The server took the class changes.</source>
        <translation>The server took the class changes.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="66"/>
        <source>The router took the plan&apos;s shares.</source>
        <translation>The router took the plan&apos;s shares.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="68"/>
        <source>The remote change failed: %1</source>
        <translation>The remote change failed: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="99"/>
        <source>Could not connect: %1</source>
        <translation>Could not connect: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="103"/>
        <source>Pool: connecting to %1…</source>
        <translation>Pool: connecting to %1…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="109"/>
        <source>Disconnected; the embedded pool is shown.</source>
        <translation>Disconnected; the embedded pool is shown.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="139"/>
        <source>Pool: embedded</source>
        <translation>Pool: embedded</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="141"/>
        <source>Pool: server %1, disconnected</source>
        <translation>Pool: server %1, disconnected</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="143"/>
        <source>Pool: server %1</source>
        <translation>Pool: server %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="145"/>
        <source>Pool: embedded · router %1, not answering</source>
        <translation>Pool: embedded · router %1, not answering</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/remote_controller.cpp" line="147"/>
        <source>Pool: embedded · router %1</source>
        <translation>Pool: embedded · router %1</translation>
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
        <translation>no change</translation>
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
        <translation>Instances of the plan the re-planner holds after its hysteresis and budget: what the fleet should run, and what KEDA follows (headroom_router_desired_instances)</translation>
    </message>
    <message>
        <location filename="../ui/models/replan_mode_model.cpp" line="82"/>
        <source>Instances the last solve asks for at the measured rates, before the hysteresis and the budget (headroom_router_recommended_instances)</source>
        <translation>Instances the last solve asks for at the measured rates, before the hysteresis and the budget (headroom_router_recommended_instances)</translation>
    </message>
    <message>
        <location filename="../ui/models/replan_mode_model.cpp" line="90"/>
        <source>Desired</source>
        <translation>Desired</translation>
    </message>
    <message>
        <location filename="../ui/models/replan_mode_model.cpp" line="89"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../ui/models/replan_mode_model.cpp" line="91"/>
        <source>Recommended</source>
        <translation>Recommended</translation>
    </message>
    <message>
        <location filename="../ui/models/replan_mode_model.cpp" line="92"/>
        <source>Change</source>
        <translation>Change</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ReplanPanel</name>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="36"/>
        <source>Scaled up</source>
        <translation>Scaled up</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="37"/>
        <source>Scaled down</source>
        <translation>Scaled down</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="38"/>
        <source>Rebalanced the shares</source>
        <translation>Rebalanced the shares</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="39"/>
        <source>Refused (over the budget)</source>
        <translation>Refused (over the budget)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="40"/>
        <source>Applied by an operator</source>
        <translation>Applied by an operator</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="43"/>
        <source>Changed</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="43"/>
        <source>Kept the current plan</source>
        <translation>Kept the current plan</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/replan_panel.cpp" line="61"/>
        <source>%1: %n instance(s)</source>
        <translation>
            <numerusform>%1: %n instance</numerusform>
            <numerusform>%1: %n instances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/replan_panel.cpp" line="69"/>
        <source>%1 — %2 (decision %3, %n s ago)</source>
        <translation>
            <numerusform>%1 — %2 (decision %3, %n s ago)</numerusform>
            <numerusform>%1 — %2 (decision %3, %n s ago)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="75"/>
        <source>Connected router: live recommendation</source>
        <translation>Connected router: live recommendation</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="83"/>
        <source>Apply &amp;Recommendation</source>
        <translation>Apply &amp;Recommendation</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="93"/>
        <source>Have the router route each class by the recommended plan&apos;s shares now. The router starts and stops no instance: scale the Deployments, or let KEDA or an HPA follow headroom_router_desired_instances</source>
        <translation>Have the router route each class by the recommended plan&apos;s shares now. The router starts and stops no instance: scale the Deployments, or let KEDA or an HPA follow headroom_router_desired_instances</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="153"/>
        <source>The re-planning status could not be read: %1</source>
        <translation>The re-planning status could not be read: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/replan_panel.cpp" line="163"/>
        <source>The router does not answer: this recommendation is not live, last update %n s ago</source>
        <translation>
            <numerusform>The router does not answer: this recommendation is not live, last update %n s ago</numerusform>
            <numerusform>The router does not answer: this recommendation is not live, last update %n s ago</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="173"/>
        <source>Apply Recommendation</source>
        <translation>Apply Recommendation</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="174"/>
        <source>Have the router at %1 route by decision %2&apos;s plan (%3) now? The router starts and stops no instance: scale the Deployments to match, or let KEDA or an HPA follow headroom_router_desired_instances.</source>
        <translation>Have the router at %1 route by decision %2&apos;s plan (%3) now? The router starts and stops no instance: scale the Deployments to match, or let KEDA or an HPA follow headroom_router_desired_instances.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="180"/>
        <source>Not applied.</source>
        <translation>Not applied.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="184"/>
        <source>Applying decision %1…</source>
        <translation>Applying decision %1…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="192"/>
        <source>Applied decision %1: the router routes by its plan.</source>
        <translation>Applied decision %1: the router routes by its plan.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="199"/>
        <source>Not applied: %1</source>
        <translation>Not applied: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="210"/>
        <source>Not connected to a router. Pool &gt; Connect… to a router started with --replan advisory shows its live recommendation here, with why it changed.</source>
        <translation>Not connected to a router. Pool &gt; Connect… to a router started with --replan advisory shows its live recommendation here, with why it changed.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="216"/>
        <source>Router %1: reading its re-planning status…</source>
        <translation>Router %1: reading its re-planning status…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="221"/>
        <source>auto: applies its plans</source>
        <translation>auto: applies its plans</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="221"/>
        <source>advisory: recommends only</source>
        <translation>advisory: recommends only</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/replan_panel.cpp" line="222"/>
        <source>Router %1 re-plans every %2 s (%3); %n change(s) so far.</source>
        <translation>
            <numerusform>Router %1 re-plans every %2 s (%3); %n change so far.</numerusform>
            <numerusform>Router %1 re-plans every %2 s (%3); %n changes so far.</numerusform>
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
        <translation>No solve yet: the first comes one interval after the router started.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replan_panel.cpp" line="231"/>
        <source>Why: %1</source>
        <translation>Why: %1</translation>
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
        <translation>Arrivals at the router per second, a moving average over the window</translation>
    </message>
    <message>
        <location filename="../ui/models/replan_rate_model.cpp" line="63"/>
        <source>The rate the last solve planned for: the larger of the two averages, so a short lull never shrinks the plan</source>
        <translation>The rate the last solve planned for: the larger of the two averages, so a short lull never shrinks the plan</translation>
    </message>
    <message>
        <location filename="../ui/models/replan_rate_model.cpp" line="64"/>
        <source>The rate the desired plan (the one the re-planner holds) was made for, summed over its modes</source>
        <translation>The rate the desired plan (the one the re-planner holds) was made for, summed over its modes</translation>
    </message>
    <message>
        <location filename="../ui/models/replan_rate_model.cpp" line="74"/>
        <source>Desired plan
(req/s)</source>
        <translation>Desired plan
(req/s)</translation>
    </message>
    <message>
        <location filename="../ui/models/replan_rate_model.cpp" line="70"/>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../ui/models/replan_rate_model.cpp" line="71"/>
        <location filename="../ui/models/replan_rate_model.cpp" line="72"/>
        <source>Measured, %1 s
(req/s)</source>
        <translation>Measured, %1 s
(req/s)</translation>
    </message>
    <message>
        <location filename="../ui/models/replan_rate_model.cpp" line="73"/>
        <source>Planned for
(req/s)</source>
        <translation>Planned for
(req/s)</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ReplayControls</name>
    <message>
        <location filename="../ui/widgets/replay_controls.cpp" line="36"/>
        <source>Speed:</source>
        <translation>Speed:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replay_controls.cpp" line="40"/>
        <source>1× (real time)</source>
        <translation>1× (real time)</translation>
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
        <translation>As fast as possible</translation>
    </message>
    <message>
        <location filename="../ui/widgets/replay_controls.cpp" line="44"/>
        <source>Virtual seconds replayed per wall-clock second</source>
        <translation>Virtual seconds replayed per wall-clock second</translation>
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
        <translation>Virtual time elapsed / scenario length</translation>
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
        <translation>round robin</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="53"/>
        <source>first come, first served</source>
        <translation>first come, first served</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="54"/>
        <source>absolute priority</source>
        <translation>absolute priority</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="55"/>
        <source>earliest deadline first</source>
        <translation>earliest deadline first</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="56"/>
        <source>multi-level</source>
        <translation>multi-level</translation>
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
        <translation>up</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="169"/>
        <source>down</source>
        <translation>down</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="183"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="219"/>
        <source>an OpenAI-compatible server</source>
        <translation>an OpenAI-compatible server</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="219"/>
        <source>a Headroom server</source>
        <translation>a Headroom server</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="220"/>
        <source>%1 at %2: %3</source>
        <translation>%1 at %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="223"/>
        <source>Streams of class %1 to member %2</source>
        <translation>Streams of class %1 to member %2</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="226"/>
        <source>Only QUIC members count streams</source>
        <translation>Only QUIC members count streams</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="235"/>
        <source>How the router reaches the member: HTTP/1.1, HTTP/1.1 over TLS, or QUIC with one stream per request</source>
        <translation>How the router reaches the member: HTTP/1.1, HTTP/1.1 over TLS, or QUIC with one stream per request</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="236"/>
        <source>The order in which the router sends its QUIC streams to the member</source>
        <translation>The order in which the router sends its QUIC streams to the member</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="237"/>
        <source>Down: the member failed a request or its health check and gets no requests for now</source>
        <translation>Down: the member failed a request or its health check and gets no requests for now</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="238"/>
        <source>Requests the router is waiting on at this member</source>
        <translation>Requests the router is waiting on at this member</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="239"/>
        <source>Streams whose whole answer arrived</source>
        <translation>Streams whose whole answer arrived</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="241"/>
        <source>Share of the streams that completed within their class&apos;s deadline, of those that completed or were dropped at the deadline</source>
        <translation>Share of the streams that completed within their class&apos;s deadline, of those that completed or were dropped at the deadline</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="243"/>
        <source>Streams reset because their deadline passed; their clients got an error</source>
        <translation>Streams reset because their deadline passed; their clients got an error</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="244"/>
        <source>Median time from opening a stream to its last byte</source>
        <translation>Median time from opening a stream to its last byte</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="245"/>
        <source>99th percentile of the time from opening a stream to its last byte</source>
        <translation>99th percentile of the time from opening a stream to its last byte</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="246"/>
        <source>Payload bytes the router sent on the streams</source>
        <translation>Payload bytes the router sent on the streams</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="247"/>
        <source>Payload bytes the router received on the streams</source>
        <translation>Payload bytes the router received on the streams</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="248"/>
        <source>Packets of these streams that QUIC declared lost and sent again</source>
        <translation>Packets of these streams that QUIC declared lost and sent again</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="255"/>
        <source>Member / class</source>
        <translation>Member / class</translation>
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
        <translation>State</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="259"/>
        <source>In flight</source>
        <translation>In flight</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="260"/>
        <source>Streams</source>
        <translation>Streams</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="261"/>
        <source>Within deadline</source>
        <translation>Within deadline</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="262"/>
        <source>Dropped at deadline</source>
        <translation>Dropped at deadline</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="263"/>
        <source>Completion p50</source>
        <translation>Completion p50</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="264"/>
        <source>Completion p99</source>
        <translation>Completion p99</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="265"/>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="266"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../ui/models/route_member_table_model.cpp" line="267"/>
        <source>Lost packets</source>
        <translation>Lost packets</translation>
    </message>
</context>
<context>
    <name>headroom::ui::RouteMembersPanel</name>
    <message numerus="yes">
        <location filename="../ui/widgets/route_members_panel.cpp" line="57"/>
        <source>The router does not answer: these figures are not live, last update %n s ago</source>
        <translation>
            <numerusform>The router does not answer: these figures are not live, last update %n s ago</numerusform>
            <numerusform>The router does not answer: these figures are not live, last update %n s ago</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/widgets/route_members_panel.cpp" line="70"/>
        <source>Not connected to a router. Pool &gt; Connect… with “Router” shows its members, their transport and per-class stream figures here.</source>
        <translation>Not connected to a router. Pool &gt; Connect… with “Router” shows its members, their transport and per-class stream figures here.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/route_members_panel.cpp" line="76"/>
        <source>Router %1: reading its members…</source>
        <translation>Router %1: reading its members…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/route_members_panel.cpp" line="85"/>
        <source>Router %1 · members up: %2 of %3</source>
        <translation>Router %1 · members up: %2 of %3</translation>
    </message>
</context>
<context>
    <name>headroom::ui::RuleText</name>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="15"/>
        <source>Must be a number of seconds above 0.</source>
        <translation>Must be a number of seconds above 0.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="17"/>
        <source>Must be at least one microsecond (0.000001 s), the engine&apos;s time step.</source>
        <translation>Must be at least one microsecond (0.000001 s), the engine&apos;s time step.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="19"/>
        <source>Must be at most %1 seconds.</source>
        <translation>Must be at most %1 seconds.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="26"/>
        <source>A class needs a name.</source>
        <translation>A class needs a name.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="28"/>
        <source>A class name has at most %1 bytes (UTF-8).</source>
        <translation>A class name has at most %1 bytes (UTF-8).</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="29"/>
        <source>Another class is already named &quot;%1&quot;.</source>
        <translation>Another class is already named &quot;%1&quot;.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="31"/>
        <source>The rank must be a whole number from 0 to %1.</source>
        <translation>The rank must be a whole number from 0 to %1.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="38"/>
        <source>A class needs at least one bound: TTFT, TBT or TTLT.</source>
        <translation>A class needs at least one bound: TTFT, TBT or TTLT.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="43"/>
        <source>The percentile must be a number above %1 and at most %2, e.g. 99 for p99 or 100 for every request.</source>
        <translation>The percentile must be a number above %1 and at most %2, e.g. 99 for p99 or 100 for every request.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="45"/>
        <source>The TTFT bound cannot exceed the TTLT bound.</source>
        <translation>The TTFT bound cannot exceed the TTLT bound.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="46"/>
        <source>The TBT bound cannot exceed the TTLT bound.</source>
        <translation>The TBT bound cannot exceed the TTLT bound.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="54"/>
        <source>Must be none, fixed:N with N above 0, or dynamic.</source>
        <translation>Must be none, fixed:N with N above 0, or dynamic.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="65"/>
        <source>The rate must be a number of requests per second, 0 or more.</source>
        <translation>The rate must be a number of requests per second, 0 or more.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="67"/>
        <source>The CV must be a number above 0, at most %1.</source>
        <translation>The CV must be a number above 0, at most %1.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="69"/>
        <source>Phase %1: the start must be a number of seconds, 0 or more.</source>
        <translation>Phase %1: the start must be a number of seconds, 0 or more.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="71"/>
        <source>Phase %1: the rate must be a number of requests per second, 0 or more.</source>
        <translation>Phase %1: the rate must be a number of requests per second, 0 or more.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="74"/>
        <source>Phase %1: phases must be in time order (start at %2 s or later).</source>
        <translation>Phase %1: phases must be in time order (start at %2 s or later).</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="80"/>
        <source>Phase %1: may not start inside the previous ramp (start at %2 s or later).</source>
        <translation>Phase %1: may not start inside the previous ramp (start at %2 s or later).</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="85"/>
        <source>Phase %1: a ramp&apos;s end must be a number of seconds after its start.</source>
        <translation>Phase %1: a ramp&apos;s end must be a number of seconds after its start.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="93"/>
        <source>The reward weight must be a number above 0, at most %1.</source>
        <translation>The reward weight must be a number above 0, at most %1.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="94"/>
        <source>Every task of the mix needs a name.</source>
        <translation>Every task of the mix needs a name.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="96"/>
        <source>A task name has at most %1 bytes (UTF-8).</source>
        <translation>A task name has at most %1 bytes (UTF-8).</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="97"/>
        <source>The task &quot;%1&quot; is named twice.</source>
        <translation>The task &quot;%1&quot; is named twice.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="99"/>
        <source>The share of task &quot;%1&quot; must be a number above 0.</source>
        <translation>The share of task &quot;%1&quot; must be a number above 0.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="106"/>
        <source>A group needs a name.</source>
        <translation>A group needs a name.</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="108"/>
        <source>A group name has at most %1 bytes (UTF-8).</source>
        <translation>A group name has at most %1 bytes (UTF-8).</translation>
    </message>
    <message>
        <location filename="../ui/models/rule_text.cpp" line="109"/>
        <source>Another group is already named &quot;%1&quot;.</source>
        <translation>Another group is already named &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>headroom::ui::RunCompareDialog</name>
    <message>
        <location filename="../ui/dialogs/run_compare_dialog.cpp" line="21"/>
        <source>Compare Runs</source>
        <translation>Compare Runs</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/run_compare_dialog.cpp" line="25"/>
        <source>a: %1 (id %2, %3, %4)
b: %5 (id %6, %7, %8)</source>
        <translation>a: %1 (id %2, %3, %4)
b: %5 (id %6, %7, %8)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/run_compare_dialog.cpp" line="35"/>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/run_compare_dialog.cpp" line="40"/>
        <source>Both runs ran with the same settings.</source>
        <translation>Both runs ran with the same settings.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/run_compare_dialog.cpp" line="41"/>
        <source>Changed from a to b:
%1</source>
        <translation>Changed from a to b:
%1</translation>
    </message>
</context>
<context>
    <name>headroom::ui::RunComparisonModel</name>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="60"/>
        <source>Every request of the run: attainment and goodput over all classes; the classes watch different latencies, so there is none to compare here</source>
        <translation>Every request of the run: attainment and goodput over all classes; the classes watch different latencies, so there is none to compare here</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="65"/>
        <source>All classes</source>
        <translation>All classes</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="97"/>
        <source>Run a: %1 (id %2)</source>
        <translation>Run a: %1 (id %2)</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="98"/>
        <source>Run b: %1 (id %2)</source>
        <translation>Run b: %1 (id %2)</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="99"/>
        <source>Run b minus run a</source>
        <translation>Run b minus run a</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="100"/>
        <source>The latency the class is judged on, at its SLO percentile</source>
        <translation>The latency the class is judged on, at its SLO percentile</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="106"/>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="107"/>
        <source>Watched</source>
        <translation>Watched</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="108"/>
        <source>Attainment a</source>
        <translation>Attainment a</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="109"/>
        <source>Attainment b</source>
        <translation>Attainment b</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="110"/>
        <source>Δ attainment</source>
        <translation>Δ attainment</translation>
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
        <translation>Δ goodput</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="114"/>
        <source>Latency a</source>
        <translation>Latency a</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="115"/>
        <source>Latency b</source>
        <translation>Latency b</translation>
    </message>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="116"/>
        <source>Δ latency</source>
        <translation>Δ latency</translation>
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
        <translation>Set by the applied plan %1</translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="70"/>
        <source>Requests that met their SLO, of those completed, over all classes</source>
        <translation>Requests that met their SLO, of those completed, over all classes</translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="73"/>
        <source>The process ended while this run was recording; it is kept up to its last saved sample.</source>
        <translation>The process ended while this run was recording; it is kept up to its last saved sample.</translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="82"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="83"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="84"/>
        <source>Scenario</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="85"/>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="86"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="87"/>
        <source>Virtual time</source>
        <translation>Virtual time</translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="88"/>
        <source>Attainment</source>
        <translation>Attainment</translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="89"/>
        <source>Instances</source>
        <translation>Instances</translation>
    </message>
    <message>
        <location filename="../ui/models/run_table_model.cpp" line="90"/>
        <source>Policy</source>
        <translation>Policy</translation>
    </message>
</context>
<context>
    <name>headroom::ui::RunsPanel</name>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="34"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="35"/>
        <source>&amp;Compare</source>
        <translation>&amp;Compare</translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="36"/>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="37"/>
        <source>Read the run list from the workspace again</source>
        <translation>Read the run list from the workspace again</translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="38"/>
        <source>Compare the two selected runs class by class</source>
        <translation>Compare the two selected runs class by class</translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="39"/>
        <source>Write the selected run&apos;s report as PDF, HTML or CSV; with two runs selected the report compares the later with the earlier</source>
        <translation>Write the selected run&apos;s report as PDF, HTML or CSV; with two runs selected the report compares the later with the earlier</translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="83"/>
        <source>Cannot read the runs: %1</source>
        <translation>Cannot read the runs: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="88"/>
        <location filename="../ui/widgets/runs_panel.cpp" line="119"/>
        <source>No workspace is open.</source>
        <translation>No workspace is open.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="90"/>
        <source>No runs yet: every replay is stored as a run.</source>
        <translation>No runs yet: every replay is stored as a run.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/runs_panel.cpp" line="92"/>
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="125"/>
        <source>Cannot load run %1: %2</source>
        <translation>Cannot load run %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="162"/>
        <source>Report written to %1</source>
        <translation>Report written to %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="172"/>
        <source>PDF report (*.pdf)</source>
        <translation>PDF report (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="173"/>
        <source>HTML report (*.html *.htm)</source>
        <translation>HTML report (*.html *.htm)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="174"/>
        <source>CSV tables (*.csv)</source>
        <translation>CSV tables (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="179"/>
        <source>Export Run Report</source>
        <translation>Export Run Report</translation>
    </message>
    <message>
        <location filename="../ui/widgets/runs_panel.cpp" line="189"/>
        <source>Runs</source>
        <translation>Runs</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ScenarioEditor</name>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="88"/>
        <source>Eager relegation of requests that cannot meet their deadline</source>
        <translation>Eager relegation of requests that cannot meet their deadline</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="89"/>
        <source>Per-class arrival processes</source>
        <translation>Per-class arrival processes</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="90"/>
        <source>Trace file</source>
        <translation>Trace file</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="83"/>
        <location filename="../ui/widgets/scenario_editor.cpp" line="92"/>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="79"/>
        <source>Add group</source>
        <translation>Add group</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="80"/>
        <source>Remove group</source>
        <translation>Remove group</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="95"/>
        <source>&amp;Apply</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="96"/>
        <source>Revert</source>
        <translation>Revert</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="98"/>
        <source>Length of the arrival window, seconds</source>
        <translation>Length of the arrival window, seconds</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="99"/>
        <source>Seed of the random arrivals and lengths; the same seed replays the same requests</source>
        <translation>Seed of the random arrivals and lengths; the same seed replays the same requests</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="100"/>
        <source>Modeled (model on hardware)</source>
        <translation>Modeled (model on hardware)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="101"/>
        <source>Constant iteration time</source>
        <translation>Constant iteration time</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="102"/>
        <source>Every iteration takes this long whatever the batch, milliseconds</source>
        <translation>Every iteration takes this long whatever the batch, milliseconds</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="119"/>
        <source>Class priority</source>
        <translation>Class priority</translation>
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
        <translation>none, fixed:N (at most N tokens per iteration) or dynamic</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="124"/>
        <source>Azure LLM inference (CSV)</source>
        <translation>Azure LLM inference (CSV)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="125"/>
        <source>BurstGPT (CSV)</source>
        <translation>BurstGPT (CSV)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="126"/>
        <source>Headroom (CSV with a class column)</source>
        <translation>Headroom (CSV with a class column)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="135"/>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="137"/>
        <source>Duration (s):</source>
        <translation>Duration (s):</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="138"/>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="142"/>
        <source>Executor:</source>
        <translation>Executor:</translation>
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
        <translation>Policy:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="163"/>
        <source>Chunking:</source>
        <translation>Chunking:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="166"/>
        <source>Workload</source>
        <translation>Workload</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="405"/>
        <source>Choose a Trace</source>
        <translation>Choose a Trace</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="406"/>
        <source>CSV traces (*.csv);;All files (*)</source>
        <translation>CSV traces (*.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="415"/>
        <source>Open a scenario first.</source>
        <translation>Open a scenario first.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="434"/>
        <source>Must be a whole number, 0 or more.</source>
        <translation>Must be a whole number, 0 or more.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="523"/>
        <source>The classes changed since this table was filled; press Revert.</source>
        <translation>The classes changed since this table was filled; press Revert.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="531"/>
        <source>Choose a trace file.</source>
        <translation>Choose a trace file.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="500"/>
        <location filename="../ui/widgets/scenario_editor.cpp" line="533"/>
        <source>No such file: %1</source>
        <translation>No such file: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="113"/>
        <source>Add a group of instances of another model or hardware (a model tier)</source>
        <translation>Add a group of instances of another model or hardware (a model tier)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="114"/>
        <source>Remove the selected group (the last one when none is selected)</source>
        <translation>Remove the selected group (the last one when none is selected)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="116"/>
        <source>Which group serves each request; the group&apos;s instance router then picks the instance</source>
        <translation>Which group serves each request; the group&apos;s instance router then picks the instance</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="117"/>
        <source>policy file (headroom-cli train-router)</source>
        <translation>policy file (headroom-cli train-router)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="140"/>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="158"/>
        <source>Tier router:</source>
        <translation>Tier router:</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="332"/>
        <source>Greedy: the most accurate group predicted to meet the SLO</source>
        <translation>Greedy: the most accurate group predicted to meet the SLO</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="333"/>
        <source>Random</source>
        <translation>Random</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="335"/>
        <source>Static: every request to %1</source>
        <translation>Static: every request to %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="339"/>
        <source>Learned policy</source>
        <translation>Learned policy</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="397"/>
        <source>Choose a Tier Router Policy</source>
        <translation>Choose a Tier Router Policy</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="398"/>
        <source>Policies (*.json);;All files (*)</source>
        <translation>Policies (*.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="455"/>
        <source>A constant iteration time serves one group: remove the others or choose a modeled executor.</source>
        <translation>A constant iteration time serves one group: remove the others or choose a modeled executor.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="475"/>
        <source>Weighted routing takes each class&apos;s shares from a plan for this many instances: apply one from the Planner, or choose another instance router for group %1.</source>
        <translation>Weighted routing takes each class&apos;s shares from a plan for this many instances: apply one from the Planner, or choose another instance router for group %1.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="488"/>
        <source>Choose the policy file of the learned router.</source>
        <translation>Choose the policy file of the learned router.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="490"/>
        <source>Must be one of: %1.</source>
        <translation>Must be one of: %1.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="548"/>
        <source>Give at least one class a trace share above 0.</source>
        <translation>Give at least one class a trace share above 0.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/scenario_editor.cpp" line="560"/>
        <source>The engine refused this scenario: %1</source>
        <translation>The engine refused this scenario: %1</translation>
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
        <translation>no requests completed</translation>
    </message>
    <message>
        <location filename="../ui/models/verification_model.cpp" line="50"/>
        <source>held</source>
        <translation>held</translation>
    </message>
    <message>
        <location filename="../ui/models/verification_model.cpp" line="50"/>
        <source>missed by %1</source>
        <translation>missed by %1</translation>
    </message>
    <message>
        <location filename="../ui/models/verification_model.cpp" line="64"/>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../ui/models/verification_model.cpp" line="65"/>
        <source>Bound</source>
        <translation>Bound</translation>
    </message>
    <message>
        <location filename="../ui/models/verification_model.cpp" line="66"/>
        <source>Predicted</source>
        <translation>Predicted</translation>
    </message>
    <message>
        <location filename="../ui/models/verification_model.cpp" line="67"/>
        <source>Measured in replay</source>
        <translation>Measured in replay</translation>
    </message>
    <message>
        <location filename="../ui/models/verification_model.cpp" line="68"/>
        <source>Result</source>
        <translation>Result</translation>
    </message>
</context>
<context>
    <name>headroom::ui::WorkspaceController</name>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="39"/>
        <source>%1: cannot replace the file (check its permissions)</source>
        <translation>%1: cannot replace the file (check its permissions)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="66"/>
        <source>&amp;New Workspace…</source>
        <translation>&amp;New Workspace…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="69"/>
        <source>&amp;Open Workspace…</source>
        <translation>&amp;Open Workspace…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="72"/>
        <source>Save Workspace &amp;As…</source>
        <translation>Save Workspace &amp;As…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="76"/>
        <source>Open &amp;Recent</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="89"/>
        <source>Headroom workspaces (*.%1);;All files (*)</source>
        <translation>Headroom workspaces (*.%1);;All files (*)</translation>
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
        <translation>Cannot open workspace</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="129"/>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="347"/>
        <source>The workspace could not be opened; the current one stays open.

%1</source>
        <translation>The workspace could not be opened; the current one stays open.

%1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="133"/>
        <source>No recent workspaces</source>
        <translation>No recent workspaces</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="135"/>
        <source>&amp;Clear List</source>
        <translation>&amp;Clear List</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="162"/>
        <source>%1: its setup cannot be replayed: %2</source>
        <translation>%1: its setup cannot be replayed: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="202"/>
        <source>No workspace is open.</source>
        <translation>No workspace is open.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="206"/>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="332"/>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="359"/>
        <source>%1: this is the open workspace; choose another file name</source>
        <translation>%1: this is the open workspace; choose another file name</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="273"/>
        <source>The plan was not stored: %1</source>
        <translation>The plan was not stored: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="288"/>
        <source>The setup was not saved: %1</source>
        <translation>The setup was not saved: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="310"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="321"/>
        <source>The run was not fully saved: %1</source>
        <translation>The run was not fully saved: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="327"/>
        <source>New Workspace</source>
        <translation>New Workspace</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="336"/>
        <source>Cannot create workspace</source>
        <translation>Cannot create workspace</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="337"/>
        <source>The workspace could not be created; the current one stays open.

%1</source>
        <translation>The workspace could not be created; the current one stays open.

%1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="342"/>
        <source>Open Workspace</source>
        <translation>Open Workspace</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="353"/>
        <source>Save Workspace As</source>
        <translation>Save Workspace As</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="363"/>
        <source>Cannot save workspace</source>
        <translation>Cannot save workspace</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/workspace_controller.cpp" line="364"/>
        <source>The workspace could not be saved; the current one stays open.

%1</source>
        <translation>The workspace could not be saved; the current one stays open.

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
        <translation>Operations console for multi-class LLM serving: live per-class dashboard, SLO editing and scenario replay.</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="52"/>
        <source>Open the workspace &lt;file&gt; instead of the last one.</source>
        <translation>Open the workspace &lt;file&gt; instead of the last one.</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="53"/>
        <location filename="../app/console/main.cpp" line="58"/>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="56"/>
        <source>Open the scenario file &lt;file&gt;: alone, or as the new setup of the workspace given with --workspace.</source>
        <translation>Open the scenario file &lt;file&gt;: alone, or as the new setup of the workspace given with --workspace.</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="61"/>
        <source>Open the demo workspace (three classes of users on three modeled instances), creating it when missing.</source>
        <translation>Open the demo workspace (three classes of users on three modeled instances), creating it when missing.</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="64"/>
        <source>Start replaying at once.</source>
        <translation>Start replaying at once.</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="82"/>
        <location filename="../app/console/main.cpp" line="86"/>
        <source>Cannot open workspace %1:
%2</source>
        <translation>Cannot open workspace %1:
%2</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="97"/>
        <location filename="../app/console/main.cpp" line="105"/>
        <source>Cannot open scenario %1:
%2</source>
        <translation>Cannot open scenario %1:
%2</translation>
    </message>
</context>
</TS>
