<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>headroom::ui::ClassEditor</name>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Add a class (it replays from the next restart)</source>
        <translation>Add a class (it replays from the next restart)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Remove the selected class</source>
        <translation>Remove the selected class</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Move the selected class up</source>
        <translation>Move the selected class up</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Move the selected class down</source>
        <translation>Move the selected class down</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The class set, order or rates changed: they apply when the replay restarts (Stop, then Play).</source>
        <translation>The class set, order or rates changed: they apply when the replay restarts (Stop, then Play).</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ClassFiguresPanel</name>
    <message>
        <source>All classes</source>
        <translation>All classes</translation>
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
        <translation>queue time</translation>
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
        <translation>virtual time (s)</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>seconds</translation>
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
        <translation>high</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>low</source>
        <translation>low</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>p%1</source>
        <translation>p%1</translation>
    </message>
    <message>
        <source>trace</source>
        <translation>trace</translation>
    </message>
    <message>
        <source>Unique class name</source>
        <translation>Unique class name</translation>
    </message>
    <message>
        <source>0 is the most urgent class; orders classes for the priority policy</source>
        <translation>0 is the most urgent class; orders classes for the priority policy</translation>
    </message>
    <message>
        <source>Low-importance requests are relegated first when deadlines slip</source>
        <translation>Low-importance requests are relegated first when deadlines slip</translation>
    </message>
    <message>
        <source>Time to first token bound in seconds; empty for none</source>
        <translation>Time to first token bound in seconds; empty for none</translation>
    </message>
    <message>
        <source>Time between tokens bound in seconds; empty for none</source>
        <translation>Time between tokens bound in seconds; empty for none</translation>
    </message>
    <message>
        <source>Time to last token bound in seconds; empty for none</source>
        <translation>Time to last token bound in seconds; empty for none</translation>
    </message>
    <message>
        <source>The percentile the SLO is judged on, e.g. 99 for p99</source>
        <translation>The percentile the SLO is judged on, e.g. 99 for p99</translation>
    </message>
    <message>
        <source>Arrivals come from the scenario&apos;s trace</source>
        <translation>Arrivals come from the scenario&apos;s trace</translation>
    </message>
    <message>
        <source>Base arrival rate in requests per second; applies when the replay restarts</source>
        <translation>Base arrival rate in requests per second; applies when the replay restarts</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>Importance</translation>
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
        <translation>Percentile</translation>
    </message>
    <message>
        <source>Rate (req/s)</source>
        <translation>Rate (req/s)</translation>
    </message>
    <message>
        <source>No such class</source>
        <translation>No such class</translation>
    </message>
    <message>
        <source>A class needs a name</source>
        <translation>A class needs a name</translation>
    </message>
    <message>
        <source>A class name has at most %1 characters</source>
        <translation>A class name has at most %1 characters</translation>
    </message>
    <message>
        <source>Another class is already named &quot;%1&quot;</source>
        <translation>Another class is already named &quot;%1&quot;</translation>
    </message>
    <message>
        <source>The rank must be a whole number from 0 to %1</source>
        <translation>The rank must be a whole number from 0 to %1</translation>
    </message>
    <message>
        <source>The importance must be high, normal or low</source>
        <translation>The importance must be high, normal or low</translation>
    </message>
    <message>
        <source>A bound must be a number of seconds above 0 and at most %1, or empty for none</source>
        <translation>A bound must be a number of seconds above 0 and at most %1, or empty for none</translation>
    </message>
    <message>
        <source>A class needs at least one bound: TTFT, TBT or TTLT</source>
        <translation>A class needs at least one bound: TTFT, TBT or TTLT</translation>
    </message>
    <message>
        <source>The TTFT bound cannot exceed the TTLT bound</source>
        <translation>The TTFT bound cannot exceed the TTLT bound</translation>
    </message>
    <message>
        <source>The TBT bound cannot exceed the TTLT bound</source>
        <translation>The TBT bound cannot exceed the TTLT bound</translation>
    </message>
    <message>
        <source>The percentile must be a number above 0 and below 100, e.g. 99 for p99</source>
        <translation>The percentile must be a number above 0 and below 100, e.g. 99 for p99</translation>
    </message>
    <message>
        <source>The rate must be a number of requests per second from 0 to %1</source>
        <translation>The rate must be a number of requests per second from 0 to %1</translation>
    </message>
    <message>
        <source>No such column</source>
        <translation>No such column</translation>
    </message>
    <message>
        <source>A scenario needs at least one class</source>
        <translation>A scenario needs at least one class</translation>
    </message>
</context>
<context>
    <name>headroom::ui::Dashboard</name>
    <message>
        <source>Latency:</source>
        <translation>Latency:</translation>
    </message>
    <message>
        <source>Each class&apos;s SLO metric</source>
        <translation>Each class&apos;s SLO metric</translation>
    </message>
    <message>
        <source>Queue time</source>
        <translation>Queue time</translation>
    </message>
    <message>
        <source>Time to first token</source>
        <translation>Time to first token</translation>
    </message>
    <message>
        <source>Time between tokens</source>
        <translation>Time between tokens</translation>
    </message>
    <message>
        <source>Time to last token</source>
        <translation>Time to last token</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>Window:</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 minute</translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation>5 minutes</translation>
    </message>
    <message>
        <source>10 minutes</source>
        <translation>10 minutes</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hour</translation>
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
        <translation>SLO met · target %1 %</translation>
    </message>
    <message>
        <source>goodput %1 req/s</source>
        <translation>goodput %1 req/s</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 tokens/s</translation>
    </message>
    <message numerus="yes">
        <source>%n relegated</source>
        <translation>
            <numerusform>%n relegated</numerusform>
            <numerusform>%n relegated</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>headroom::ui::LogPanel</name>
    <message>
        <source>trace</source>
        <translation>trace</translation>
    </message>
    <message>
        <source>debug</source>
        <translation>debug</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>critical</translation>
    </message>
    <message>
        <source>Show from:</source>
        <translation>Show from:</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>headroom::ui::MainWindow</name>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Playing</source>
        <translation>Playing</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Headroom</source>
        <translation>Headroom</translation>
    </message>
    <message>
        <source>No scenario</source>
        <translation>No scenario</translation>
    </message>
    <message>
        <source>&amp;Open Scenario…</source>
        <translation>&amp;Open Scenario…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Play</translation>
    </message>
    <message>
        <source>Play or pause the replay (Space)</source>
        <translation>Play or pause the replay (Space)</translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation>S&amp;tep</translation>
    </message>
    <message>
        <source>Advance %1 s of virtual time, then pause (Ctrl+Right)</source>
        <translation>Advance %1 s of virtual time, then pause (Ctrl+Right)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stop</translation>
    </message>
    <message>
        <source>End the replay; Play starts it again from the beginning (Ctrl+.)</source>
        <translation>End the replay; Play starts it again from the beginning (Ctrl+.)</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>&amp;Restart</translation>
    </message>
    <message>
        <source>Rebuild the replay from the start with the current classes (Ctrl+R)</source>
        <translation>Rebuild the replay from the start with the current classes (Ctrl+R)</translation>
    </message>
    <message>
        <source>Real time (1×)</source>
        <translation>Real time (1×)</translation>
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
        <translation>As fast as possible</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>System default</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>German (Deutsch)</source>
        <translation>German (Deutsch)</translation>
    </message>
    <message>
        <source>&amp;About Headroom</source>
        <translation>&amp;About Headroom</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Replay</source>
        <translation>&amp;Replay</translation>
    </message>
    <message>
        <source>S&amp;peed</source>
        <translation>S&amp;peed</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Replay</translation>
    </message>
    <message>
        <source>Classes and SLOs</source>
        <translation>Classes and SLOs</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Open Scenario</source>
        <translation>Open Scenario</translation>
    </message>
    <message>
        <source>Scenario files (*.json);;All files (*)</source>
        <translation>Scenario files (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>Cannot open scenario</source>
        <translation>Cannot open scenario</translation>
    </message>
    <message>
        <source>The scenario could not be opened; the current one stays loaded.

%1</source>
        <translation>The scenario could not be opened; the current one stays loaded.

%1</translation>
    </message>
    <message>
        <source>About Headroom</source>
        <translation>About Headroom</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Headroom %1&lt;/h3&gt;&lt;p&gt;An operations console for GPU inference pools serving many QoS classes: define classes and their SLOs, replay load scenarios on a simulated pool and watch per class how long requests queue, how fast they are served and how many meet their SLO.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Headroom %1&lt;/h3&gt;&lt;p&gt;An operations console for GPU inference pools serving many QoS classes: define classes and their SLOs, replay load scenarios on a simulated pool and watch per class how long requests queue, how fast they are served and how many meet their SLO.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 — Headroom</source>
        <translation>%1 — Headroom</translation>
    </message>
    <message>
        <source>Scenario: %1</source>
        <translation>Scenario: %1</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>%1 arrived · %2 completed · %3 met their SLO</source>
        <translation>%1 arrived · %2 completed · %3 met their SLO</translation>
    </message>
    <message>
        <source>The replay failed: %1</source>
        <translation>The replay failed: %1</translation>
    </message>
    <message>
        <source>The language changes when Headroom starts again.</source>
        <translation>The language changes when Headroom starts again.</translation>
    </message>
</context>
<context>
    <name>headroom::ui::PoolTableModel</name>
    <message>
        <source>instance %1</source>
        <translation>instance %1</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>idle</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 waiting, %2 relegated</source>
        <translation>%1 waiting, %2 relegated</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instance</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Utilisation</translation>
    </message>
    <message>
        <source>KV cache</source>
        <translation>KV cache</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batch size</translation>
    </message>
    <message>
        <source>Batch tokens</source>
        <translation>Batch tokens</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>Iterations</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ReplayControls</name>
    <message>
        <source>Speed:</source>
        <translation>Speed:</translation>
    </message>
    <message>
        <source>1× (real time)</source>
        <translation>1× (real time)</translation>
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
        <translation>As fast as possible</translation>
    </message>
    <message>
        <source>Virtual seconds replayed per wall-clock second</source>
        <translation>Virtual seconds replayed per wall-clock second</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Virtual time elapsed / scenario length</source>
        <translation>Virtual time elapsed / scenario length</translation>
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
        <translation>Operations console for multi-class LLM serving: live per-class dashboard, SLO editing and scenario replay.</translation>
    </message>
    <message>
        <source>Open the scenario file &lt;file&gt; instead of the bundled demo.</source>
        <translation>Open the scenario file &lt;file&gt; instead of the bundled demo.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>Start replaying at once.</source>
        <translation>Start replaying at once.</translation>
    </message>
    <message>
        <source>Cannot open scenario %1:
%2</source>
        <translation>Cannot open scenario %1:
%2</translation>
    </message>
</context>
</TS>
