<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>ringside::ui::AgentDocument</name>
    <message>
        <source>This is a shipped agent, a template: duplicate it to make a copy you can edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not an agent document, so editing it here would overwrite what is in it. Fix it in a text editor (the problems are listed below) or delete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::AgentEditor</name>
    <message>
        <source>Duplicate to edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a problem to go to its field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ No problems: this agent passes the same checks as ringside-engine validate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Greeting &amp;&amp; prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unnamed agent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipped template</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::AgentFiles</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot delete %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::AgentListModel</name>
    <message>
        <source>Shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Shipped template — duplicate it to edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::AgentsWorkspace</name>
    <message>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation>नया</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>प्रतिलिपि</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>आयात…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>निर्यात…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>सहेजें</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>पूर्ववत करें</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>फिर से करें</translation>
    </message>
    <message>
        <source>Choose an agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick an agent on the left to see and edit it. Shipped agents are templates: duplicate one to make it yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>एजेंट</translation>
    </message>
    <message>
        <source>Save*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save %1 (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them before leaving?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 with %n problem(s); the engine uses defaults where a value is invalid.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>New agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hello! Thanks for calling {{storeName}}. How can I help you today?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are a friendly customer service agent for {{storeName}}. Keep answers under three sentences and offer the next step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1 in %2. It is yours to edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Delete it anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an agent file: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 with %n problem(s) to fix; they are listed above the form.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Exported %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::AnalyticsCharts</name>
    <message>
        <source>%1 — no calls in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls per day by use case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COD confirmation rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why carts were abandoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this chart as a PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed of connected COD calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≤ %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&gt; %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 replies</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::AnalyticsData</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::AnalyticsWorkspace</name>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All use cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>रीफ़्रेश</translation>
    </message>
    <message>
        <source>Query again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV निर्यात…</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>अवधि:</translation>
    </message>
    <message>
        <source>Use case:</source>
        <translation>उपयोग:</translation>
    </message>
    <message>
        <source>Export calls as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>एनालिटिक्स</translation>
    </message>
    <message>
        <source>No database open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a database in Settings to see its calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is empty. Load the demo store to explore Ringside with 90 days of sample calls, or make a test call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls appear here as agents handle them: make a test call, or connect the telephony gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load demo store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2 (%3) · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all use cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to export yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 calls to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::AudioDevicesBox</name>
    <message>
        <source>Audio devices (Test Call)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Microphone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Speaker:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not connected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No microphone was found on this machine (a server or a remote session has none). Test Call can still be typed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No speaker was found; the agent&apos;s replies are shown as text.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::Backend</name>
    <message>
        <source>The work was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unexpected error stopped the work.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::CallAudio</name>
    <message>
        <source>No audio output device: follow the call in the transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot play %2 Hz mono audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No microphone: type what the caller should hear and press Say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot record %2 Hz mono audio: type and press Say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be opened: type and press Say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your microphone (%1) reaches the caller</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::CallControls</name>
    <message>
        <source>Type a whisper for the agent, or (after Take over) a line for the caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Listen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hear the call (caller and agent) on your speakers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Take over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence the agent and speak to the caller yourself (microphone, or typed lines with Say)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Whisper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guidance the agent follows in its next replies; the caller does not hear it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speak the typed line to the caller in the agent&apos;s voice (after Take over)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hand back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the call back to the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say goodbye and end the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have the call: the agent is silent until you hand it back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whispered to the agent: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Said to the caller: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed back: the agent continues the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ending the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outcome End writes on the call record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome: as the agent judged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::CallerAudioBar</name>
    <message>
        <source>Microphone: %1. Press Talk during a call to speak as the caller; you can also type, or play WAV files in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No microphone found on this machine: type as the caller, or play WAV files in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speak as the caller through the microphone; the agent answers through the speaker and stops when you talk over it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play WAV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play WAV files in as the caller&apos;s voice: the agent&apos;s recognizer hears them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play WAV files in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAV files (*.wav)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A WAV file could not be played in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot talk through the microphone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speech</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::CallsModel</name>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::Console</name>
    <message>
        <source>Load &amp;Demo Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the demo store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo store could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ringside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Ringside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database %1 is empty — File ▸ Load Demo Store to explore with sample data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::ConsoleSettings</name>
    <message>
        <source>Enter the engine&apos;s address, e.g. wss://engine.example.com:8443/monitor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address must start with ws:// or wss://, not %1://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address has no host name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::ConversationSection</name>
    <message>
        <source>&amp;Greeting — the first words the agent says:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System &amp;prompt — how the agent behaves (for LLM brains):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Greeting preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit greeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declared by this agent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::DemoData</name>
    <message numerus="yes">
        <source>The database already holds %n record(s); the demo store only goes into an empty one.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Generating the demo store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing customers, orders and carts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo store could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Creating %n day(s) of call history…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The demo store was written, but its call history failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Demo store: %1; %n demo call(s) from %2 to %3.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ringside::ui::EscalationAlert</name>
    <message>
        <source>%1 is waiting for an operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is waiting for an operator: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ringside — escalations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated call</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::EscalationQueueModel</name>
    <message>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>callback offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::FieldErrors</name>
    <message>
        <source>Problem with %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::Format</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::GeneralSection</name>
    <message>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown in the console and used to find the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbound — we call the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbound — the customer calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A BCP 47 language tag such as en-US, en-IN or hi-IN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use case:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s default model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 answers the same way every time; higher values vary more (0 to 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LLM &amp;provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Temperature:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change use case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change LLM provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not used by the embedded playbook brain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::GreetingPreview</name>
    <message>
        <source>Order, cart or customer id, or a phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The greeting is filled in with this record&apos;s details from the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview &amp;for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(The greeting is empty.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled in for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No value for %1 with this record — left out so the caller never hears a placeholder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::KeychainSecretStore</name>
    <message>
        <source>No keychain service is running (on Linux: GNOME Keyring or KWallet through the Secret Service). Keys can still come from environment variables.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused access: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::KeywordsEditor</name>
    <message>
        <source>Word or phrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words the recogniser should favour (positive boost) or avoid (negative). Leave the boost empty for the provider&apos;s default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1: %2. The list is not saved until this is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::KpiTiles</name>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handled by the AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average handle time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average reply latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COD confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carts recovered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTO rate (COD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer satisfaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 connected · %2 live now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 connected calls; %3 escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>talk time of connected calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end of the caller&apos;s speech to the agent&apos;s first word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 connected COD calls; %3 protected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 calls; %3 recovered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>previous period %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 points lower than the previous period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n response(s); NPS %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ringside::ui::Labels</name>
    <message>
        <source>Order status (WISMO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COD confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cart recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not interested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price too high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Just browsing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not ready to buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found it cheaper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed mind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery too slow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::LiveCallsWorkspace</name>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect again as Settings say (embedded engine, or remote URL and token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the selected waiting caller (the longest wait when none is selected) (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a call to follow its conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accepted call %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedded engine on 127.0.0.1:%1 — connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The embedded engine could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live Calls</source>
        <translation>लाइव कॉल</translation>
    </message>
    <message>
        <source>Remote engine URL: %1 — set it in Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a database to run the embedded engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the embedded engine…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call %1 has ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Escalated — %1%2. Waiting %3: Accept or Take over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have this call: the agent is silent until you hand it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has taken this call over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated earlier: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This call has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You won: the caller is yours — speak, or type and press Say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another operator won the race (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not accept: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls right now. Phones reach the embedded engine at ws://127.0.0.1:%1/twilio/media (Twilio) or /exotel/media (Exotel); calls appear here as they connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls right now. Calls appear here as they connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 active call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 active calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3 waiting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::LiveFeed</name>
    <message>
        <source>not connected to an engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody accepted %1 in time: the caller was offered a callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console fell behind the engine; %1 events were skipped and the view was refreshed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine is shutting down; its calls are ending</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::MainWindow</name>
    <message>
        <source>Ringside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::MemorySecretStore</name>
    <message>
        <source>memory only (not kept after the console closes)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::MonitorClient</name>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine URL &quot;%1&quot; is not a ws:// or wss:// address with a host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 has no monitor feed (HTTP 404): check the URL&apos;s path (…/monitor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine wants an access token (HTTP %1): set the remote engine token in Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine refused the access token (HTTP %1): check the remote engine token in Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection closed (code %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the engine closed the feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost the engine (%1); trying again in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable feed message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable audio frame: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::PlaybookSection</name>
    <message>
        <source>e.g. order-tracker.playbook.json (empty: no playbook)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playbook &amp;file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;playbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change playbook file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This agent has no playbook: the embedded brain needs one, LLM brains do not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist yet; saving creates it beside the agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipped playbook %1 (read-only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the shipped playbook; saving writes your copy to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ No problems: the engine&apos;s playbook checks pass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s):</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This playbook belongs to a shipped agent; duplicate the agent to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::PreviewVariables</name>
    <message>
        <source>%1 — %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2, abandoned cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no record: store-wide values only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cart %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a call from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No order, cart, customer or phone number &quot;%1&quot; in the store.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::ProviderChoices</name>
    <message>
        <source>Embedded (offline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI-compatible</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::ProviderKeys</name>
    <message>
        <source>speech recognition (sttProvider deepgram)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>speech recognition (sttProvider google)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>speech synthesis (ttsProvider cartesia)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>speech synthesis (ttsProvider azure)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>language model (llmProvider gemini)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI-compatible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>language model (openai-compatible, ollama, llama.cpp, vllm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote engine token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting to a remote engine</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::ProviderKeysBox</name>
    <message>
        <source>Provider keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys for cloud speech and language providers are kept in %1, or read from the environment. They are never written to agent files. Agents whose provider has no key run on the embedded (offline) engine instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a new key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation>सहेजें</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Saved in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>also set in the environment (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ From the environment (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set — set %1 or save a key here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::RoiPanel</name>
    <message>
        <source>Return on investment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the measured talk time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much of the recovered cart revenue to count as benefit (100 % as in the industry figures)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice agent cost per &amp;minute:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost of a call handled by a &amp;person:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost of one &amp;RTO (return to origin):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes per call:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered revenue &amp;counted:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROI for the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost: %1 (%2 minutes of %3 AI calls, %4 min each%5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benefit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 RTOs avoided (%2 points on %3 COD orders)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no RTO change measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• Agent time saved: %1 (%2 calls deflected: %3)
• Recovered carts: %4 (%5 carts)
• RTO savings: %6 (%7)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::ScenarioPanel</name>
    <message>
        <source>Regression scenarios</source>
        <translation>रिग्रेशन परिदृश्य</translation>
    </message>
    <message>
        <source>Run all</source>
        <translation>सभी चलाएँ</translation>
    </message>
    <message>
        <source>Replay every saved scenario against a fresh demo store, as ringside-engine test does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None yet: end a test call and save it as a scenario.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n scenario file(s) in %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PASS %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAIL %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 passed, %2 failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::Screenshotter</name>
    <message>
        <source>Cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::SettingsWorkspace</name>
    <message>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Embedded — calls run inside this console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remote — attach to ringside-engine serve on another machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The remote engine&apos;s access token is stored with the provider keys below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An SQLite file holding the store, the call history and the campaign queue. It is created if it does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite databases (*.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI-compatible server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RINGSIDE_OPENAI_BASE_URL is set (%1) and takes precedence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>सेटिंग्स</translation>
    </message>
    <message>
        <source>Enter the path of a database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open: %1 — %2 store records, %3 calls%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::SpeechSection</name>
    <message>
        <source>Listening (speech to text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s default model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence that ends the caller&apos;s turn. Shorter answers faster; longer lets people pause.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partial transcripts while the caller speaks (needed for barge-in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;End of turn after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyword boosts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaking (text to speech)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s default voice for the language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let the caller interrupt the agent (barge-in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;rovider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Voice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Speed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change STT provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change STT model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change TTS provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change end of turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change partial transcripts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change barge-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit keyword boosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accepts %2× to %3×</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::TestCallWorkspace</name>
    <message>
        <source>The order, cart or customer the call is about (fills the agent&apos;s variables), or a phone number; empty for none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start call</source>
        <translation>कॉल शुरू करें</translation>
    </message>
    <message>
        <source>End</source>
        <translation>समाप्त करें</translation>
    </message>
    <message>
        <source>Agent:</source>
        <translation>एजेंट:</translation>
    </message>
    <message>
        <source>About:</source>
        <translation>किसके बारे में:</translation>
    </message>
    <message>
        <source>Type what the caller says and press Enter</source>
        <translation>कॉलर क्या कहता है लिखें और Enter दबाएँ</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>भेजें</translation>
    </message>
    <message>
        <source>Save as regression scenario</source>
        <translation>रिग्रेशन परिदृश्य के रूप में सहेजें</translation>
    </message>
    <message>
        <source>Keep this call&apos;s turns, tool calls and escalation as a scenario that `ringside-engine test` replays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test Call</source>
        <translation>टेस्ट कॉल</translation>
    </message>
    <message>
        <source>(nobody in particular)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agent %1 to call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated to a person — %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Last reply %1 ms · average %2 ms over %n turn(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The call ended: %1. Save it as a regression scenario to replay it later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: test call of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to save: the caller never spoke in this call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as %1. Run it beside the others with “Run all”, or with ringside-engine test %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::ToolsSection</name>
    <message>
        <source>Tick the tools this agent may call:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the model sees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change tools</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::TranscriptModel</name>
    <message>
        <source>interrupted before any word was heard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted; the caller heard: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An operator took the call over; the agent is silent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operator handed the call back to the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The caller pressed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call is ending: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call ended: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller (speaking)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whisper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>→ %1(%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Escalation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Escalation: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (%1 ms)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::TranscriptView</name>
    <message>
        <source>Start a call: the agent&apos;s greeting, your words, the tools it calls and what they answered appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#1565c0&apos;&gt;Agent:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#2e7d32&apos;&gt;Caller:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;font-family:monospace;color:#6a1b9a&apos;&gt;→ %1 %2&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;font-family:monospace;color:%1&apos;&gt;← %2 %3&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#c62828&apos;&gt;Escalated to a person&lt;/b&gt; (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#888;font-size:small&apos;&gt;replied in %1 ms&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i style=&apos;color:#888&apos;&gt;Note: %1&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Call ended&lt;/b&gt; — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i style=&apos;color:#888&apos;&gt;The caller interrupted after: “%1”&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::TryItPanel</name>
    <message>
        <source>Runs the tool against the open store, as a call would. Tools that change an order (confirm, cancel, reschedule…) really change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments as a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the tool (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The arguments are not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The arguments must be a JSON object: {&quot;name&quot;: value, …}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the arguments: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::VariablesSection</name>
    <message>
        <source>This agent&apos;s variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declare a variable here to use it as {{name}} in the greeting or prompt. The default is used when a call does not supply a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in variables (filled from the store and the call)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit variables</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::VoiceLink</name>
    <message>
        <source>no microphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not record 16-bit mono audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no speaker: the agent&apos;s replies are shown as text only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::VoiceWorker</name>
    <message>
        <source>no microphone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::WavCaller</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no recognizer for this agent: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the recognizer cannot hear this file: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ringside::ui::WorkerServices</name>
    <message>
        <source>No database is open. Choose one in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
