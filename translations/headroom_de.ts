<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>headroom::ui::ClassEditor</name>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a class (it replays from the next restart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected class up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected class down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The class set, order or rates changed: they apply when the replay restarts (Stop, then Play).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>headroom::ui::ClassFiguresPanel</name>
    <message>
        <source>All classes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>headroom::ui::ClassLatencyChart</name>
    <message>
        <source>p%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTFT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TBT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTLT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>virtual time (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>headroom::ui::ClassTableModel</name>
    <message>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unique class name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 is the most urgent class; orders classes for the priority policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low-importance requests are relegated first when deadlines slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to first token bound in seconds; empty for none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time between tokens bound in seconds; empty for none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to last token bound in seconds; empty for none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The percentile the SLO is judged on, e.g. 99 for p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrivals come from the scenario&apos;s trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base arrival rate in requests per second; applies when the replay restarts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTFT (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TBT (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTLT (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percentile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate (req/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A class needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A class name has at most %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another class is already named &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rank must be a whole number from 0 to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The importance must be high, normal or low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A bound must be a number of seconds above 0 and at most %1, or empty for none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A class needs at least one bound: TTFT, TBT or TTLT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TTFT bound cannot exceed the TTLT bound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TBT bound cannot exceed the TTLT bound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The percentile must be a number above 0 and below 100, e.g. 99 for p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rate must be a number of requests per second from 0 to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A scenario needs at least one class</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>headroom::ui::Dashboard</name>
    <message>
        <source>Latency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each class&apos;s SLO metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to first token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time between tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to last token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>headroom::ui::FigureTile</name>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLO met · target %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>goodput %1 req/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n relegated</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>headroom::ui::LogPanel</name>
    <message>
        <source>trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>debug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>headroom::ui::MainWindow</name>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Scenario…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play or pause the replay (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advance %1 s of virtual time, then pause (Ctrl+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the replay; Play starts it again from the beginning (Ctrl+.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuild the replay from the start with the current classes (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Real time (1×)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>German (Deutsch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Headroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;peed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classes and SLOs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scenario could not be opened; the current one stays loaded.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Headroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Headroom %1&lt;/h3&gt;&lt;p&gt;An operations console for GPU inference pools serving many QoS classes: define classes and their SLOs, replay load scenarios on a simulated pool and watch per class how long requests queue, how fast they are served and how many meet their SLO.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Headroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 arrived · %2 completed · %3 met their SLO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The replay failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes when Headroom starts again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>headroom::ui::PoolTableModel</name>
    <message>
        <source>instance %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 waiting, %2 relegated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KV cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>headroom::ui::ReplayControls</name>
    <message>
        <source>Speed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1× (real time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virtual seconds replayed per wall-clock second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virtual time elapsed / scenario length</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Headroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operations console for multi-class LLM serving: live per-class dashboard, SLO editing and scenario replay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the scenario file &lt;file&gt; instead of the bundled demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start replaying at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open scenario %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
