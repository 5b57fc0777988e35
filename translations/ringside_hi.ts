<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>main</name>
    <message>
        <source>Ringside operator console</source>
        <translation>Ringside ऑपरेटर कंसोल</translation>
    </message>
    <message>
        <source>Fill an empty database with the demo store and 90 days of demo calls.</source>
        <translation>खाली डेटाबेस में डेमो स्टोर और 90 दिन की डेमो कॉल भरें।</translation>
    </message>
    <message>
        <source>Use the database at PATH (created if missing).</source>
        <translation>PATH पर रखा डेटाबेस इस्तेमाल करें (न हो तो बन जाएगा)।</translation>
    </message>
    <message>
        <source>Keep the console&apos;s data (database, agents) in DIR instead of the usual data folder.</source>
        <translation>कंसोल का डेटा (डेटाबेस, एजेंट) सामान्य डेटा फ़ोल्डर की जगह DIR में रखें।</translation>
    </message>
    <message>
        <source>Render every workspace with demo data into DIR as PNG files and exit. Without --db a temporary database is used.</source>
        <translation>हर वर्कस्पेस को डेमो डेटा के साथ DIR में PNG फ़ाइलों के रूप में बनाएँ और बंद हो जाएँ। --db न दें तो एक अस्थायी डेटाबेस इस्तेमाल होता है।</translation>
    </message>
    <message>
        <source>Pretend the time is ISO (e.g. 2026-11-20T10:00:00Z); for demos and reproducible screenshots.</source>
        <translation>मान लें कि समय ISO है (जैसे 2026-11-20T10:00:00Z); डेमो और हर बार एक जैसे स्क्रीनशॉट के लिए।</translation>
    </message>
</context>
<context>
    <name>ringside::Speech</name>
    <message>
        <source>unsupported language: %1 has no embedded speech recognizer; use typed input or a cloud provider (Google or Deepgram)</source>
        <translation>यह भाषा नहीं चलती: %1 के लिए एम्बेडेड स्पीच रिकग्नाइज़र नहीं है; टाइप करके बात करें या क्लाउड प्रोवाइडर (Google या Deepgram) इस्तेमाल करें</translation>
    </message>
</context>
<context>
    <name>ringside::ui::AgentDocument</name>
    <message>
        <source>This is a shipped agent, a template: duplicate it to make a copy you can edit.</source>
        <translation>यह साथ आया (शिप्ड) एजेंट है, एक टेम्पलेट: बदलाव करने के लिए इसकी डुप्लिकेट कॉपी बनाएँ।</translation>
    </message>
    <message>
        <source>This file is not an agent document, so editing it here would overwrite what is in it. Fix it in a text editor (the problems are listed below) or delete it.</source>
        <translation>यह फ़ाइल एजेंट डॉक्यूमेंट नहीं है, इसलिए यहाँ बदलाव करने से इसका मौजूदा कंटेंट मिट जाएगा। इसे किसी टेक्स्ट एडिटर में ठीक करें (समस्याएँ नीचे दी गई हैं) या हटा दें।</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 में लिखा नहीं जा सका: %2</translation>
    </message>
</context>
<context>
    <name>ringside::ui::AgentEditor</name>
    <message>
        <source>Duplicate to edit</source>
        <translation>बदलने के लिए डुप्लिकेट करें</translation>
    </message>
    <message>
        <source>Click a problem to go to its field</source>
        <translation>समस्या पर क्लिक करें, उसी फ़ील्ड पर पहुँच जाएँगे</translation>
    </message>
    <message>
        <source>✓ No problems: this agent passes the same checks as ringside-engine validate.</source>
        <translation>✓ कोई समस्या नहीं: यह एजेंट वही सारी जाँचें पास करता है जो ringside-engine validate करता है।</translation>
    </message>
    <message>
        <source>General</source>
        <translation>सामान्य</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>आवाज़</translation>
    </message>
    <message>
        <source>Greeting &amp;&amp; prompt</source>
        <translation>ग्रीटिंग और प्रॉम्प्ट</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>टूल</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>वेरिएबल</translation>
    </message>
    <message>
        <source>Playbook</source>
        <translation>प्लेबुक</translation>
    </message>
    <message>
        <source>(unnamed agent)</source>
        <translation>(बिना नाम का एजेंट)</translation>
    </message>
    <message>
        <source>Shipped template</source>
        <translation>साथ आया टेम्पलेट</translation>
    </message>
</context>
<context>
    <name>ringside::ui::AgentFiles</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 पढ़ा नहीं जा सका: %2</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>फ़ोल्डर %1 नहीं बन सका</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 में लिखा नहीं जा सका: %2</translation>
    </message>
    <message>
        <source>Cannot delete %1: %2</source>
        <translation>%1 हटाया नहीं जा सका: %2</translation>
    </message>
</context>
<context>
    <name>ringside::ui::AgentListModel</name>
    <message>
        <source>Shipped</source>
        <translation>साथ आए</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>आपके</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in %1</source>
        <translation>
            <numerusform>%1 में %n समस्या</numerusform>
            <numerusform>%1 में %n समस्याएँ</numerusform>
        </translation>
    </message>
    <message>
        <source>Shipped template — duplicate it to edit</source>
        <translation>साथ आया टेम्पलेट — बदलने के लिए डुप्लिकेट करें</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>एजेंट</translation>
    </message>
    <message>
        <source>Use case</source>
        <translation>यूज़ केस</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>स्रोत</translation>
    </message>
</context>
<context>
    <name>ringside::ui::AgentsWorkspace</name>
    <message>
        <source>Delete %1</source>
        <translation>%1 हटाएँ</translation>
    </message>
    <message>
        <source>New</source>
        <translation>नया</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>डुप्लिकेट</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>इम्पोर्ट…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>एक्सपोर्ट…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>सेव करें</translation>
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
        <translation>कोई एजेंट चुनें</translation>
    </message>
    <message>
        <source>Pick an agent on the left to see and edit it. Shipped agents are templates: duplicate one to make it yours.</source>
        <translation>देखने और बदलने के लिए बाईं ओर से कोई एजेंट चुनें। साथ आए एजेंट टेम्पलेट हैं: अपना एजेंट बनाने के लिए किसी एक को डुप्लिकेट करें।</translation>
    </message>
    <message>
        <source>Import agent</source>
        <translation>एजेंट इम्पोर्ट करें</translation>
    </message>
    <message>
        <source>Agent files (*.json);;All files (*)</source>
        <translation>एजेंट फ़ाइलें (*.json);;सभी फ़ाइलें (*)</translation>
    </message>
    <message>
        <source>Export agent</source>
        <translation>एजेंट एक्सपोर्ट करें</translation>
    </message>
    <message>
        <source>Agent files (*.json)</source>
        <translation>एजेंट फ़ाइलें (*.json)</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>एजेंट</translation>
    </message>
    <message>
        <source>Save*</source>
        <translation>सेव करें*</translation>
    </message>
    <message>
        <source>Save %1 (Ctrl+S)</source>
        <translation>%1 सेव करें (Ctrl+S)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>बदलाव सेव नहीं हुए</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them before leaving?</source>
        <translation>%1 में कुछ बदलाव सेव नहीं हुए हैं। जाने से पहले सेव करें?</translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 with %n problem(s); the engine uses defaults where a value is invalid.</source>
        <translation>
            <numerusform>%1 सेव हुआ, पर %n समस्या बाकी है; जहाँ वैल्यू गलत है वहाँ इंजन डिफ़ॉल्ट इस्तेमाल करता है।</numerusform>
            <numerusform>%1 सेव हुआ, पर %n समस्याएँ बाकी हैं; जहाँ वैल्यू गलत है वहाँ इंजन डिफ़ॉल्ट इस्तेमाल करता है।</numerusform>
        </translation>
    </message>
    <message>
        <source>New agent</source>
        <translation>नया एजेंट</translation>
    </message>
    <message>
        <source>Hello! Thanks for calling {{storeName}}. How can I help you today?</source>
        <translation>नमस्ते! {{storeName}} को कॉल करने के लिए धन्यवाद। आज मैं आपकी क्या मदद कर सकता हूँ?</translation>
    </message>
    <message>
        <source>You are a friendly customer service agent for {{storeName}}. Keep answers under three sentences and offer the next step.</source>
        <translation>आप {{storeName}} के एक मिलनसार कस्टमर सर्विस एजेंट हैं। जवाब तीन वाक्यों से छोटे रखें और आगे क्या करना है, वह बताएँ।</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (कॉपी)</translation>
    </message>
    <message>
        <source>Created %1 in %2. It is yours to edit.</source>
        <translation>%2 में %1 बन गया। अब आप इसे बदल सकते हैं।</translation>
    </message>
    <message>
        <source>Delete agent</source>
        <translation>एजेंट हटाएँ</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Delete it anyway?</source>
        <translation>%1 के बदलाव सेव नहीं हुए हैं। फिर भी हटाएँ?</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>%1 हटा दिया गया।</translation>
    </message>
    <message>
        <source>%1 is not an agent file: %2</source>
        <translation>%1 एजेंट फ़ाइल नहीं है: %2</translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation>%1 इम्पोर्ट हो गया।</translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 with %n problem(s) to fix; they are listed above the form.</source>
        <translation>
            <numerusform>%1 इम्पोर्ट हुआ, %n समस्या ठीक करनी है; वह फ़ॉर्म के ऊपर दी गई है।</numerusform>
            <numerusform>%1 इम्पोर्ट हुआ, %n समस्याएँ ठीक करनी हैं; वे फ़ॉर्म के ऊपर दी गई हैं।</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported %1 to %2.</source>
        <translation>%1, %2 में एक्सपोर्ट हो गया।</translation>
    </message>
</context>
<context>
    <name>ringside::ui::AnalyticsCharts</name>
    <message>
        <source>%1 — no calls in this period</source>
        <translation>%1 — इस अवधि में कोई कॉल नहीं</translation>
    </message>
    <message>
        <source>Calls per day by use case</source>
        <translation>यूज़ केस के हिसाब से रोज़ की कॉल</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>नतीजे</translation>
    </message>
    <message>
        <source>COD confirmation rate</source>
        <translation>COD कन्फ़र्मेशन दर</translation>
    </message>
    <message>
        <source>Why carts were abandoned</source>
        <translation>कार्ट क्यों छोड़े गए</translation>
    </message>
    <message>
        <source>Reply latency</source>
        <translation>जवाब देने में लगा समय</translation>
    </message>
    <message>
        <source>Save this chart as a PNG image</source>
        <translation>इस चार्ट को PNG इमेज के रूप में सेव करें</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Confirmed of connected COD calls</source>
        <translation>कनेक्ट हुई COD कॉल में से कन्फ़र्म</translation>
    </message>
    <message>
        <source>Carts</source>
        <translation>कार्ट</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>जवाब</translation>
    </message>
    <message>
        <source>≤ %1 ms</source>
        <translation>≤ %1 ms</translation>
    </message>
    <message>
        <source>&gt; %1 ms</source>
        <translation>&gt; %1 ms</translation>
    </message>
    <message>
        <source>%1 — %2 replies</source>
        <translation>%1 — %2 जवाब</translation>
    </message>
</context>
<context>
    <name>ringside::ui::AnalyticsData</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 में लिखा नहीं जा सका: %2</translation>
    </message>
</context>
<context>
    <name>ringside::ui::AnalyticsWorkspace</name>
    <message>
        <source>Last 7 days</source>
        <translation>पिछले 7 दिन</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>पिछले 30 दिन</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>पिछले 90 दिन</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>अपनी तारीख़ें</translation>
    </message>
    <message>
        <source>All use cases</source>
        <translation>सभी यूज़ केस</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>रीफ़्रेश</translation>
    </message>
    <message>
        <source>Query again (F5)</source>
        <translation>दोबारा लोड करें (F5)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV एक्सपोर्ट…</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>अवधि:</translation>
    </message>
    <message>
        <source>Use case:</source>
        <translation>यूज़ केस:</translation>
    </message>
    <message>
        <source>Export calls as CSV</source>
        <translation>कॉल CSV में एक्सपोर्ट करें</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV फ़ाइलें (*.csv)</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>चार्ट सेव करें</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG इमेज (*.png)</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>एनालिटिक्स</translation>
    </message>
    <message>
        <source>No database open</source>
        <translation>कोई डेटाबेस खुला नहीं है</translation>
    </message>
    <message>
        <source>Choose a database in Settings to see its calls.</source>
        <translation>कॉल देखने के लिए सेटिंग्स में कोई डेटाबेस चुनें।</translation>
    </message>
    <message>
        <source>No calls yet</source>
        <translation>अभी तक कोई कॉल नहीं</translation>
    </message>
    <message>
        <source>This database is empty. Load the demo store to explore Ringside with 90 days of sample calls, or make a test call.</source>
        <translation>यह डेटाबेस खाली है। 90 दिन की सैंपल कॉल के साथ Ringside आज़माने के लिए डेमो स्टोर लोड करें, या एक टेस्ट कॉल करें।</translation>
    </message>
    <message>
        <source>Calls appear here as agents handle them: make a test call, or connect the telephony gateway.</source>
        <translation>एजेंट जैसे-जैसे कॉल संभालते हैं, वे यहाँ दिखती हैं: एक टेस्ट कॉल करें, या टेलीफ़ोनी गेटवे जोड़ें।</translation>
    </message>
    <message>
        <source>Load demo store</source>
        <translation>डेमो स्टोर लोड करें</translation>
    </message>
    <message>
        <source>%1 to %2 (%3) · %4</source>
        <translation>%1 से %2 (%3) · %4</translation>
    </message>
    <message>
        <source>all use cases</source>
        <translation>सभी यूज़ केस</translation>
    </message>
    <message>
        <source>Nothing to export yet.</source>
        <translation>अभी एक्सपोर्ट करने को कुछ नहीं है।</translation>
    </message>
    <message>
        <source>Exported %1 calls to %2.</source>
        <translation>%1 कॉल %2 में एक्सपोर्ट हो गईं।</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 में लिखा नहीं जा सका।</translation>
    </message>
    <message>
        <source>Saved %1 to %2.</source>
        <translation>%1, %2 में सेव हो गया।</translation>
    </message>
</context>
<context>
    <name>ringside::ui::AudioDevicesBox</name>
    <message>
        <source>Audio devices (Test Call)</source>
        <translation>ऑडियो डिवाइस (टेस्ट कॉल)</translation>
    </message>
    <message>
        <source>&amp;Microphone:</source>
        <translation>माइक्रोफ़ोन (&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Speaker:</source>
        <translation>स्पीकर (&amp;S):</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>सिस्टम डिफ़ॉल्ट</translation>
    </message>
    <message>
        <source>%1 (not connected)</source>
        <translation>%1 (जुड़ा नहीं है)</translation>
    </message>
    <message>
        <source>No microphone was found on this machine (a server or a remote session has none). Test Call can still be typed.</source>
        <translation>इस मशीन पर कोई माइक्रोफ़ोन नहीं मिला (सर्वर या रिमोट सेशन में नहीं होता)। टेस्ट कॉल फिर भी टाइप करके की जा सकती है।</translation>
    </message>
    <message>
        <source>No speaker was found; the agent&apos;s replies are shown as text.</source>
        <translation>कोई स्पीकर नहीं मिला; एजेंट के जवाब टेक्स्ट में दिखेंगे।</translation>
    </message>
</context>
<context>
    <name>ringside::ui::Backend</name>
    <message>
        <source>The work was cancelled.</source>
        <translation>काम रद्द कर दिया गया।</translation>
    </message>
    <message>
        <source>An unexpected error stopped the work.</source>
        <translation>एक अनपेक्षित गड़बड़ी से काम रुक गया।</translation>
    </message>
</context>
<context>
    <name>ringside::ui::CallAudio</name>
    <message>
        <source>No audio output device: follow the call in the transcript</source>
        <translation>कोई ऑडियो आउटपुट डिवाइस नहीं: कॉल ट्रांसक्रिप्ट में पढ़ें</translation>
    </message>
    <message>
        <source>%1 cannot play %2 Hz mono audio</source>
        <translation>%1 पर %2 Hz मोनो ऑडियो नहीं चल सकता</translation>
    </message>
    <message>
        <source>%1 could not be opened</source>
        <translation>%1 खुल नहीं सका</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>%1 पर सुन रहे हैं</translation>
    </message>
    <message>
        <source>No microphone: type what the caller should hear and press Say</source>
        <translation>माइक्रोफ़ोन नहीं है: कॉलर को जो सुनाना है वह टाइप करें और बोलें दबाएँ</translation>
    </message>
    <message>
        <source>%1 cannot record %2 Hz mono audio: type and press Say</source>
        <translation>%1 पर %2 Hz मोनो ऑडियो रिकॉर्ड नहीं हो सकता: टाइप करें और बोलें दबाएँ</translation>
    </message>
    <message>
        <source>%1 could not be opened: type and press Say</source>
        <translation>%1 खुल नहीं सका: टाइप करें और बोलें दबाएँ</translation>
    </message>
    <message>
        <source>Your microphone (%1) reaches the caller</source>
        <translation>आपका माइक्रोफ़ोन (%1) कॉलर तक पहुँच रहा है</translation>
    </message>
</context>
<context>
    <name>ringside::ui::CallControls</name>
    <message>
        <source>Type a whisper for the agent, or (after Take over) a line for the caller</source>
        <translation>एजेंट के लिए व्हिस्पर टाइप करें, या (कॉल संभालने के बाद) कॉलर के लिए कोई लाइन</translation>
    </message>
    <message>
        <source>&amp;Listen</source>
        <translation>सुनें (&amp;L)</translation>
    </message>
    <message>
        <source>Hear the call (caller and agent) on your speakers</source>
        <translation>कॉल (कॉलर और एजेंट) अपने स्पीकर पर सुनें</translation>
    </message>
    <message>
        <source>&amp;Take over</source>
        <translation>कॉल संभालें (&amp;T)</translation>
    </message>
    <message>
        <source>Silence the agent and speak to the caller yourself (microphone, or typed lines with Say)</source>
        <translation>एजेंट को चुप कराएँ और कॉलर से खुद बात करें (माइक्रोफ़ोन से, या टाइप करके बोलें से)</translation>
    </message>
    <message>
        <source>&amp;Whisper</source>
        <translation>व्हिस्पर (&amp;W)</translation>
    </message>
    <message>
        <source>Guidance the agent follows in its next replies; the caller does not hear it</source>
        <translation>एजेंट अपने अगले जवाबों में यह निर्देश मानेगा; कॉलर इसे नहीं सुनता</translation>
    </message>
    <message>
        <source>&amp;Say</source>
        <translation>बोलें (&amp;S)</translation>
    </message>
    <message>
        <source>Speak the typed line to the caller in the agent&apos;s voice (after Take over)</source>
        <translation>टाइप की गई लाइन एजेंट की आवाज़ में कॉलर को सुनाएँ (कॉल संभालने के बाद)</translation>
    </message>
    <message>
        <source>&amp;Hand back</source>
        <translation>वापस सौंपें (&amp;H)</translation>
    </message>
    <message>
        <source>Give the call back to the agent</source>
        <translation>कॉल वापस एजेंट को सौंपें</translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation>कॉल खत्म करें (&amp;E)</translation>
    </message>
    <message>
        <source>Say goodbye and end the call</source>
        <translation>अलविदा कहकर कॉल खत्म करें</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Stopped listening</source>
        <translation>सुनना बंद किया</translation>
    </message>
    <message>
        <source>You have the call: the agent is silent until you hand it back</source>
        <translation>कॉल आपके पास है: जब तक आप वापस नहीं सौंपते, एजेंट चुप रहेगा</translation>
    </message>
    <message>
        <source>Whispered to the agent: “%1”</source>
        <translation>एजेंट को व्हिस्पर किया: “%1”</translation>
    </message>
    <message>
        <source>Said to the caller: “%1”</source>
        <translation>कॉलर से कहा: “%1”</translation>
    </message>
    <message>
        <source>Handed back: the agent continues the call</source>
        <translation>वापस सौंपी: एजेंट कॉल जारी रखेगा</translation>
    </message>
    <message>
        <source>Ending the call</source>
        <translation>कॉल खत्म हो रही है</translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation>%1 नहीं हुआ: %2</translation>
    </message>
    <message>
        <source>The outcome End writes on the call record</source>
        <translation>कॉल खत्म करने पर कॉल रिकॉर्ड में लिखा जाने वाला नतीजा</translation>
    </message>
    <message>
        <source>Outcome: as the agent judged</source>
        <translation>नतीजा: जैसा एजेंट ने तय किया</translation>
    </message>
</context>
<context>
    <name>ringside::ui::CallerAudioBar</name>
    <message>
        <source>Microphone: %1. Press Talk during a call to speak as the caller; you can also type, or play WAV files in.</source>
        <translation>माइक्रोफ़ोन: %1। कॉल के दौरान कॉलर बनकर बोलने के लिए बोलिए दबाएँ; आप टाइप भी कर सकते हैं, या WAV फ़ाइलें चला सकते हैं।</translation>
    </message>
    <message>
        <source>No microphone found on this machine: type as the caller, or play WAV files in.</source>
        <translation>इस मशीन पर कोई माइक्रोफ़ोन नहीं मिला: कॉलर बनकर टाइप करें, या WAV फ़ाइलें चलाएँ।</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>बोलिए</translation>
    </message>
    <message>
        <source>Speak as the caller through the microphone; the agent answers through the speaker and stops when you talk over it</source>
        <translation>माइक्रोफ़ोन से कॉलर बनकर बोलें; एजेंट स्पीकर से जवाब देता है और आपके बीच में बोलने पर रुक जाता है</translation>
    </message>
    <message>
        <source>Play WAV…</source>
        <translation>WAV चलाएँ…</translation>
    </message>
    <message>
        <source>Play WAV files in as the caller&apos;s voice: the agent&apos;s recognizer hears them</source>
        <translation>WAV फ़ाइलें कॉलर की आवाज़ के रूप में चलाएँ: एजेंट का रिकग्नाइज़र इन्हें सुनता है</translation>
    </message>
    <message>
        <source>Input level</source>
        <translation>इनपुट लेवल</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>खामोशी</translation>
    </message>
    <message>
        <source>Play WAV files in</source>
        <translation>WAV फ़ाइलें चलाएँ</translation>
    </message>
    <message>
        <source>WAV files (*.wav)</source>
        <translation>WAV फ़ाइलें (*.wav)</translation>
    </message>
    <message>
        <source>A WAV file could not be played in: %1</source>
        <translation>एक WAV फ़ाइल नहीं चल सकी: %1</translation>
    </message>
    <message>
        <source>Cannot talk through the microphone: %1</source>
        <translation>माइक्रोफ़ोन से बात नहीं हो सकती: %1</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>आवाज़</translation>
    </message>
</context>
<context>
    <name>ringside::ui::CallsModel</name>
    <message>
        <source>Operator</source>
        <translation>ऑपरेटर</translation>
    </message>
    <message>
        <source>Operator: %1</source>
        <translation>ऑपरेटर: %1</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>एस्केलेट हुई</translation>
    </message>
    <message>
        <source>Ending</source>
        <translation>खत्म हो रही है</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>शुरू हो रही है</translation>
    </message>
    <message>
        <source>AI</source>
        <translation>AI</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>आउटबाउंड</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>इनबाउंड</translation>
    </message>
    <message>
        <source>Call %1 · %2</source>
        <translation>कॉल %1 · %2</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>एजेंट</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>ग्राहक</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>दिशा</translation>
    </message>
    <message>
        <source>State</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>अवधि</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>इंजन</translation>
    </message>
    <message>
        <source>This engine</source>
        <translation>यही इंजन</translation>
    </message>
    <message>
        <source>Dialling (campaign)</source>
        <translation>डायल हो रही है (कैंपेन)</translation>
    </message>
    <message>
        <source>Ringing (campaign)</source>
        <translation>घंटी जा रही है (कैंपेन)</translation>
    </message>
</context>
<context>
    <name>ringside::ui::CampaignCallsModel</name>
    <message>
        <source>Scheduled</source>
        <translation>तय</translation>
    </message>
    <message>
        <source>Dialling</source>
        <translation>डायल हो रही है</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>पूरी हुई</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>छोड़ी गई</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>विफल</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>रद्द हुई</translation>
    </message>
    <message>
        <source>On the do-not-call list</source>
        <translation>DND लिस्ट में है</translation>
    </message>
    <message>
        <source>Asked not to be called</source>
        <translation>कॉल न करने को कहा है</translation>
    </message>
    <message>
        <source>Moved out of quiet hours</source>
        <translation>कॉलिंग समय में खिसकाई गई</translation>
    </message>
    <message>
        <source>Call limit reached</source>
        <translation>कॉल की लिमिट पूरी</translation>
    </message>
    <message>
        <source>No marketing consent on record</source>
        <translation>मार्केटिंग की सहमति दर्ज नहीं</translation>
    </message>
    <message>
        <source>No longer needed</source>
        <translation>अब ज़रूरत नहीं</translation>
    </message>
    <message>
        <source>No phone number</source>
        <translation>फ़ोन नंबर नहीं</translation>
    </message>
    <message>
        <source>Order or cart cancelled</source>
        <translation>ऑर्डर या कार्ट रद्द हो गया</translation>
    </message>
    <message>
        <source>Cancelled by an operator</source>
        <translation>ऑपरेटर ने रद्द की</translation>
    </message>
    <message>
        <source>This engine was shutting down</source>
        <translation>यह इंजन बंद हो रहा था</translation>
    </message>
    <message>
        <source>This engine&apos;s heartbeat was late</source>
        <translation>इस इंजन की हार्टबीट देर से आई</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>कॉल बैक</translation>
    </message>
    <message>
        <source>%1 (wanted %2)</source>
        <translation>%1 (चाहिए थी: %2)</translation>
    </message>
    <message>
        <source>%1 · agent %2 · zone %3 (%4) · language %5 (%6)</source>
        <translation>%1 · एजेंट %2 · ज़ोन %3 (%4) · भाषा %5 (%6)</translation>
    </message>
    <message>
        <source>Due (customer&apos;s time)</source>
        <translation>कब (ग्राहक का समय)</translation>
    </message>
    <message>
        <source>Use case</source>
        <translation>यूज़ केस</translation>
    </message>
    <message>
        <source>Order / cart</source>
        <translation>ऑर्डर / कार्ट</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>कोशिश</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Reason / outcome</source>
        <translation>वजह / नतीजा</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <source>Fulfilled</source>
        <translation>शिप हो गया</translation>
    </message>
    <message>
        <source>Out for delivery</source>
        <translation>डिलीवरी के लिए निकला</translation>
    </message>
    <message>
        <source>Delayed</source>
        <translation>देरी हो रही है</translation>
    </message>
</context>
<context>
    <name>ringside::ui::CampaignRulesEditor</name>
    <message>
        <source>Calling window (the called party&apos;s local time)</source>
        <translation>कॉल करने का समय (ग्राहक का लोकल टाइम)</translation>
    </message>
    <message>
        <source>Calls between</source>
        <translation>कॉल सिर्फ़ इनके बीच</translation>
    </message>
    <message>
        <source>The law applies on top: India 09:00–21:00 for promotional calls, the US 08:00–21:00.</source>
        <translation>इसके ऊपर कानून भी लागू है: भारत में प्रमोशनल कॉल 09:00–21:00, अमेरिका में 08:00–21:00।</translation>
    </message>
    <message>
        <source>COD confirmation</source>
        <translation>COD कन्फ़र्मेशन</translation>
    </message>
    <message>
        <source> min after the order</source>
        <translation> मिनट, ऑर्डर के बाद</translation>
    </message>
    <message>
        <source> min</source>
        <translation> मिनट</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>कॉल करें</translation>
    </message>
    <message>
        <source>Too late in the day → next morning at</source>
        <translation>दिन में बहुत देर हो तो → अगली सुबह</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>कोशिशें</translation>
    </message>
    <message>
        <source>Between attempts</source>
        <translation>दो कोशिशों के बीच</translation>
    </message>
    <message>
        <source>Cart recovery and delivery updates</source>
        <translation>कार्ट रिकवरी और डिलीवरी अपडेट</translation>
    </message>
    <message>
        <source>Never call business customers on a weekend</source>
        <translation>बिज़नेस ग्राहकों को वीकेंड पर कभी कॉल न करें</translation>
    </message>
    <message>
        <source>above</source>
        <translation>इससे ऊपर:</translation>
    </message>
    <message>
        <source>/ above</source>
        <translation>/ इससे ऊपर:</translation>
    </message>
    <message>
        <source>Carts in INR: high / medium value</source>
        <translation>INR वाले कार्ट: हाई / मीडियम वैल्यू</translation>
    </message>
    <message>
        <source>Carts in USD: high / medium value</source>
        <translation>USD वाले कार्ट: हाई / मीडियम वैल्यू</translation>
    </message>
    <message>
        <source>Wait after abandonment: high / medium / low</source>
        <translation>कार्ट छूटने के बाद इंतज़ार: हाई / मीडियम / लो</translation>
    </message>
    <message>
        <source>Delivery update attempts</source>
        <translation>डिलीवरी अपडेट की कोशिशें</translation>
    </message>
    <message>
        <source>Callbacks, caps and the dialer</source>
        <translation>कॉल बैक, लिमिट और डायलर</translation>
    </message>
    <message>
        <source> min when no time was said</source>
        <translation> मिनट बाद, अगर समय नहीं बताया</translation>
    </message>
    <message>
        <source> calls per customer per day</source>
        <translation> कॉल, हर ग्राहक को रोज़</translation>
    </message>
    <message>
        <source> lines</source>
        <translation> लाइनें</translation>
    </message>
    <message>
        <source> kept for callers</source>
        <translation> इनबाउंड कॉल के लिए</translation>
    </message>
    <message>
        <source> calls/s</source>
        <translation> कॉल/सेकंड</translation>
    </message>
    <message>
        <source>Detect answering machines (Twilio)</source>
        <translation>आंसरिंग मशीन पहचानें (Twilio)</translation>
    </message>
    <message>
        <source>Empty: hang up on machines and call again later</source>
        <translation>खाली छोड़ें: मशीन मिले तो कॉल काटें और बाद में फिर करें</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>कॉल बैक</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>ज़्यादा से ज़्यादा</translation>
    </message>
    <message>
        <source>Concurrent calls</source>
        <translation>एक साथ कॉल</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>रिज़र्व</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>रफ़्तार</translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation>वॉइसमेल</translation>
    </message>
    <message>
        <source>&amp;Save rules</source>
        <translation>नियम सेव करें (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>पहले जैसा करें (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>पूर्ववत करें (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>फिर से करें (&amp;R)</translation>
    </message>
    <message>
        <source>Change campaign rules</source>
        <translation>कैंपेन के नियम बदले</translation>
    </message>
</context>
<context>
    <name>ringside::ui::CampaignTimeline</name>
    <message>
        <source>Campaign timeline</source>
        <translation>कैंपेन टाइमलाइन</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>कॉल बैक</translation>
    </message>
    <message>
        <source>%1 · %2 · attempt %3
%4 · %5%6</source>
        <translation>%1 · %2 · कोशिश %3
%4 · %5%6</translation>
    </message>
</context>
<context>
    <name>ringside::ui::CampaignsData</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 पढ़ी नहीं जा सकी: %2</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 इम्पोर्ट हो रही है…</translation>
    </message>
</context>
<context>
    <name>ringside::ui::CampaignsWorkspace</name>
    <message>
        <source>All use cases</source>
        <translation>सभी यूज़ केस</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>कॉल बैक</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>रोकें (&amp;P)</translation>
    </message>
    <message>
        <source>Stop placing calls of the chosen use case; planned calls wait</source>
        <translation>चुने गए यूज़ केस की कॉल लगाना रोकें; तय कॉल इंतज़ार करेंगी</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>फिर शुरू करें (&amp;U)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>रीफ़्रेश</translation>
    </message>
    <message>
        <source>Import &amp;DND list…</source>
        <translation>DND लिस्ट इम्पोर्ट करें (&amp;D)…</translation>
    </message>
    <message>
        <source>An NCPR/DND export (CSV): numbers, and the preference categories if present</source>
        <translation>NCPR/DND का एक्सपोर्ट (CSV): नंबर, और अगर हों तो प्रेफ़रेंस कैटेगरी भी</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>आने वाली</translation>
    </message>
    <message>
        <source>Done and failed</source>
        <translation>पूरी और विफल</translation>
    </message>
    <message>
        <source>Skipped, with reasons</source>
        <translation>छोड़ी गईं, वजह के साथ</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>सभी</translation>
    </message>
    <message>
        <source>&amp;Cancel call</source>
        <translation>कॉल रद्द करें (&amp;C)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>दिखाएँ:</translation>
    </message>
    <message>
        <source>Select a call to see its attempts and what happened to each.</source>
        <translation>कोई कॉल चुनें: उसकी हर कोशिश और उसमें क्या हुआ, यहाँ दिखेगा।</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>कॉल</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>नियम</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>कैंपेन</translation>
    </message>
    <message>
        <source>Campaign rules</source>
        <translation>कैंपेन के नियम</translation>
    </message>
    <message>
        <source>The rules have unsaved changes. Discard them?</source>
        <translation>नियमों के बदलाव सेव नहीं हुए हैं। उन्हें छोड़ दें?</translation>
    </message>
    <message>
        <source>The campaign queue could not be read: %1</source>
        <translation>कैंपेन की कतार पढ़ी नहीं जा सकी: %1</translation>
    </message>
    <message>
        <source>callbacks</source>
        <translation>कॉल बैक</translation>
    </message>
    <message>
        <source>%1 upcoming · %2 placed · %3 skipped · %4 on the do-not-call list%5</source>
        <translation>%1 आने वाली · %2 लगाई गईं · %3 छोड़ी गईं · DND लिस्ट में %4%5</translation>
    </message>
    <message>
        <source> · paused: %1</source>
        <translation> · रुके हुए: %1</translation>
    </message>
    <message>
        <source>The stored rules have problems; defaults stand in: %1</source>
        <translation>सेव किए गए नियमों में गड़बड़ी है; उनकी जगह डिफ़ॉल्ट नियम लागू हैं: %1</translation>
    </message>
    <message>
        <source>No campaign calls around now. COD orders, shipments, abandoned carts and callback requests are planned here as the store records them; &apos;ringside-engine serve&apos; places them.</source>
        <translation>अभी आसपास कोई कैंपेन कॉल नहीं। COD ऑर्डर, शिपमेंट, छोड़े गए कार्ट और कॉल बैक की रिक्वेस्ट जैसे-जैसे स्टोर में दर्ज होती हैं, उनकी कॉल यहाँ तय होती हैं; कॉल &apos;ringside-engine serve&apos; लगाता है।</translation>
    </message>
    <message>
        <source>Attempt %1</source>
        <translation>कोशिश %1</translation>
    </message>
    <message>
        <source>Agent %1 in %2 (chosen: %3, from %4); zone %5 (from %6)</source>
        <translation>एजेंट %1, भाषा %2 (चुनी गई: %3, आधार: %4); ज़ोन %5 (आधार: %6)</translation>
    </message>
    <message>
        <source>The call is already being dialled or is over; it was not cancelled.</source>
        <translation>कॉल डायल हो रही है या खत्म हो चुकी है; रद्द नहीं हुई।</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>सेव नहीं हुआ: %1</translation>
    </message>
    <message>
        <source>Campaign rules saved; the dialer uses them from its next pass.</source>
        <translation>कैंपेन के नियम सेव हो गए; डायलर अगले राउंड से इन्हीं पर चलेगा।</translation>
    </message>
    <message>
        <source>Import a do-not-call list</source>
        <translation>DND लिस्ट इम्पोर्ट करें</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV फ़ाइलें (*.csv *.txt);;सभी फ़ाइलें (*)</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>कुछ भी इम्पोर्ट नहीं हुआ: %1</translation>
    </message>
    <message>
        <source>Do-not-call list: %1 added, %2 updated, %3 kept as the customer asked, %4 line(s) without a usable number%5</source>
        <translation>DND लिस्ट: %1 जोड़े, %2 अपडेट हुए, %3 ग्राहक के कहे मुताबिक रखे, %4 लाइनों में काम का नंबर नहीं%5</translation>
    </message>
    <message>
        <source>The import failed: %1</source>
        <translation>इम्पोर्ट नहीं हो सका: %1</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>तय हुई</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>समय बदला</translation>
    </message>
    <message>
        <source>Picked up by the dialer</source>
        <translation>डायलर ने उठाई</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>कॉल लगाई गई</translation>
    </message>
    <message>
        <source>Provider status</source>
        <translation>प्रोवाइडर का स्टेटस</translation>
    </message>
    <message>
        <source>Late or repeated status ignored</source>
        <translation>देर से आया या दोहराया गया स्टेटस, अनदेखा किया</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>छोड़ी गई</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>खत्म हुई</translation>
    </message>
    <message>
        <source>Conversation ended</source>
        <translation>बातचीत खत्म हुई</translation>
    </message>
    <message>
        <source>Agent on the line</source>
        <translation>एजेंट लाइन पर</translation>
    </message>
    <message>
        <source>Completed without reaching the agent</source>
        <translation>एजेंट तक पहुँचे बिना पूरी हुई</translation>
    </message>
    <message>
        <source>Not sent: the dialer&apos;s hold on the call was running out</source>
        <translation>नहीं भेजी गई: डायलर की इस कॉल पर पकड़ खत्म होने वाली थी</translation>
    </message>
    <message>
        <source>No clear answer when placing: the provider will be asked before any retry</source>
        <translation>कॉल लगाते समय साफ़ जवाब नहीं मिला: दोबारा कोशिश से पहले प्रदाता से पूछा जाएगा</translation>
    </message>
    <message>
        <source>The provider could not be asked whether the call was placed</source>
        <translation>प्रदाता से नहीं पूछा जा सका कि कॉल लगी थी या नहीं</translation>
    </message>
    <message>
        <source>No attempts left</source>
        <translation>कोई कोशिश बाकी नहीं</translation>
    </message>
    <message>
        <source>Order marked unconfirmed</source>
        <translation>ऑर्डर को अनकन्फ़र्म्ड मार्क किया</translation>
    </message>
    <message>
        <source>Call found at the provider</source>
        <translation>कॉल प्रोवाइडर के पास मिली</translation>
    </message>
    <message>
        <source>Taken over from a stopped dialer</source>
        <translation>रुके हुए डायलर से ली गई</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>रद्द हुई</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>विफल</translation>
    </message>
    <message>
        <source>Refused by the provider</source>
        <translation>प्रोवाइडर ने मना कर दिया</translation>
    </message>
    <message>
        <source>The shop could not be asked about the cart</source>
        <translation>कार्ट के बारे में शॉप से पूछा नहीं जा सका</translation>
    </message>
</context>
<context>
    <name>ringside::ui::Console</name>
    <message>
        <source>Load &amp;Demo Store</source>
        <translation>डेमो स्टोर लोड करें (&amp;D)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 खुल रहा है…</translation>
    </message>
    <message>
        <source>No database: %1</source>
        <translation>डेटाबेस नहीं: %1</translation>
    </message>
    <message>
        <source>Loading the demo store…</source>
        <translation>डेमो स्टोर लोड हो रहा है…</translation>
    </message>
    <message>
        <source>Demo store</source>
        <translation>डेमो स्टोर</translation>
    </message>
    <message>
        <source>The demo store could not be loaded: %1</source>
        <translation>डेमो स्टोर लोड नहीं हो सका: %1</translation>
    </message>
    <message>
        <source>Ringside</source>
        <translation>Ringside</translation>
    </message>
    <message>
        <source>%1 — Ringside</source>
        <translation>%1 — Ringside</translation>
    </message>
    <message>
        <source>Database %1 is empty — File ▸ Load Demo Store to explore with sample data.</source>
        <translation>डेटाबेस %1 खाली है — सैंपल डेटा के साथ आज़माने के लिए फ़ाइल ▸ डेमो स्टोर लोड करें।</translation>
    </message>
    <message>
        <source>Database %1%2</source>
        <translation>डेटाबेस %1%2</translation>
    </message>
    <message>
        <source> · %1</source>
        <translation> · %1</translation>
    </message>
</context>
<context>
    <name>ringside::ui::ConsoleSettings</name>
    <message>
        <source>Enter the engine&apos;s address, e.g. wss://engine.example.com:8443/monitor.</source>
        <translation>इंजन का पता डालें, जैसे wss://engine.example.com:8443/monitor।</translation>
    </message>
    <message>
        <source>This is not a valid address: %1</source>
        <translation>यह सही पता नहीं है: %1</translation>
    </message>
    <message>
        <source>The address must start with ws:// or wss://, not %1://.</source>
        <translation>पता ws:// या wss:// से शुरू होना चाहिए, %1:// से नहीं।</translation>
    </message>
    <message>
        <source>The address has no host name.</source>
        <translation>पते में होस्ट का नाम नहीं है।</translation>
    </message>
</context>
<context>
    <name>ringside::ui::ConversationSection</name>
    <message>
        <source>&amp;Greeting — the first words the agent says:</source>
        <translation>ग्रीटिंग — एजेंट के पहले शब्द (&amp;G):</translation>
    </message>
    <message>
        <source>Insert variable</source>
        <translation>वेरिएबल जोड़ें</translation>
    </message>
    <message>
        <source>System &amp;prompt — how the agent behaves (for LLM brains):</source>
        <translation>सिस्टम प्रॉम्प्ट — एजेंट कैसे बर्ताव करे (LLM ब्रेन के लिए) (&amp;P):</translation>
    </message>
    <message>
        <source>Greeting preview</source>
        <translation>ग्रीटिंग प्रीव्यू</translation>
    </message>
    <message>
        <source>Edit greeting</source>
        <translation>ग्रीटिंग बदलें</translation>
    </message>
    <message>
        <source>Edit prompt</source>
        <translation>प्रॉम्प्ट बदलें</translation>
    </message>
    <message>
        <source>Declared by this agent</source>
        <translation>इस एजेंट के अपने वेरिएबल</translation>
    </message>
</context>
<context>
    <name>ringside::ui::DemoData</name>
    <message numerus="yes">
        <source>The database already holds %n record(s); the demo store only goes into an empty one.</source>
        <translation>
            <numerusform>डेटाबेस में पहले से %n रिकॉर्ड है; डेमो स्टोर सिर्फ़ खाली डेटाबेस में लोड होता है।</numerusform>
            <numerusform>डेटाबेस में पहले से %n रिकॉर्ड हैं; डेमो स्टोर सिर्फ़ खाली डेटाबेस में लोड होता है।</numerusform>
        </translation>
    </message>
    <message>
        <source>Generating the demo store…</source>
        <translation>डेमो स्टोर बन रहा है…</translation>
    </message>
    <message>
        <source>Writing customers, orders and carts…</source>
        <translation>ग्राहक, ऑर्डर और कार्ट लिखे जा रहे हैं…</translation>
    </message>
    <message>
        <source>The demo store could not be written: %1</source>
        <translation>डेमो स्टोर लिखा नहीं जा सका: %1</translation>
    </message>
    <message numerus="yes">
        <source>Creating %n day(s) of call history…</source>
        <translation>
            <numerusform>%n दिन की कॉल हिस्ट्री बन रही है…</numerusform>
            <numerusform>%n दिन की कॉल हिस्ट्री बन रही है…</numerusform>
        </translation>
    </message>
    <message>
        <source>The demo store was written, but its call history failed: %1</source>
        <translation>डेमो स्टोर लिखा गया, पर उसकी कॉल हिस्ट्री नहीं बन सकी: %1</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>हो गया</translation>
    </message>
    <message numerus="yes">
        <source>Demo store: %1 customers, %2 orders, %3 carts; %Ln demo call(s) from %4 to %5.</source>
        <translation>
            <numerusform>डेमो स्टोर: %1 ग्राहक, %2 ऑर्डर, %3 कार्ट; %4 से %5 तक %Ln डेमो कॉल।</numerusform>
            <numerusform>डेमो स्टोर: %1 ग्राहक, %2 ऑर्डर, %3 कार्ट; %4 से %5 तक %Ln डेमो कॉल।</numerusform>
        </translation>
    </message>
    <message>
        <source>Running a day of campaigns…</source>
        <translation>एक दिन के कैंपेन चल रहे हैं…</translation>
    </message>
    <message>
        <source>Campaigns: %1 calls placed, %2 skipped, %3 planned ahead.</source>
        <translation>कैंपेन: %1 कॉल लगाई गईं, %2 छोड़ी गईं, %3 आगे के लिए तय।</translation>
    </message>
</context>
<context>
    <name>ringside::ui::EscalationAlert</name>
    <message>
        <source>%1 is waiting for an operator</source>
        <translation>%1 ऑपरेटर का इंतज़ार कर रहे हैं</translation>
    </message>
    <message>
        <source>%1 is waiting for an operator: %2</source>
        <translation>%1 ऑपरेटर का इंतज़ार कर रहे हैं: %2</translation>
    </message>
    <message>
        <source>Ringside — escalations</source>
        <translation>Ringside — एस्केलेशन</translation>
    </message>
    <message>
        <source>Escalated call</source>
        <translation>एस्केलेट हुई कॉल</translation>
    </message>
</context>
<context>
    <name>ringside::ui::EscalationQueueModel</name>
    <message>
        <source>%1 left</source>
        <translation>%1 बाकी</translation>
    </message>
    <message>
        <source>callback offered</source>
        <translation>कॉल बैक ऑफ़र किया</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>कॉल</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>इंतज़ार</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
</context>
<context>
    <name>ringside::ui::FieldErrors</name>
    <message>
        <source>Problem with %1</source>
        <translation>%1 में समस्या</translation>
    </message>
</context>
<context>
    <name>ringside::ui::Format</name>
    <message>
        <source>%1 s</source>
        <translation>%1 सेकंड</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 मिनट %2 सेकंड</translation>
    </message>
</context>
<context>
    <name>ringside::ui::GeneralSection</name>
    <message>
        <source>Identity</source>
        <translation>पहचान</translation>
    </message>
    <message>
        <source>Shown in the console and used to find the agent</source>
        <translation>कंसोल में दिखता है और एजेंट ढूँढने में काम आता है</translation>
    </message>
    <message>
        <source>Outbound — we call the customer</source>
        <translation>आउटबाउंड — हम ग्राहक को कॉल करते हैं</translation>
    </message>
    <message>
        <source>Inbound — the customer calls</source>
        <translation>इनबाउंड — ग्राहक कॉल करता है</translation>
    </message>
    <message>
        <source>A BCP 47 language tag such as en-US, en-IN or hi-IN</source>
        <translation>BCP 47 भाषा टैग, जैसे en-US, en-IN या hi-IN</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>नाम (&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation>दिशा (&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Use case:</source>
        <translation>यूज़ केस (&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>भाषा (&amp;L):</translation>
    </message>
    <message>
        <source>Brain</source>
        <translation>ब्रेन</translation>
    </message>
    <message>
        <source>The provider&apos;s default model</source>
        <translation>प्रोवाइडर का डिफ़ॉल्ट मॉडल</translation>
    </message>
    <message>
        <source>0 answers the same way every time; higher values vary more (0 to 2)</source>
        <translation>0 पर हर बार एक जैसा जवाब; ज़्यादा वैल्यू पर जवाब ज़्यादा बदलते हैं (0 से 2)</translation>
    </message>
    <message>
        <source>LLM &amp;provider:</source>
        <translation>LLM प्रोवाइडर (&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>मॉडल (&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Temperature:</source>
        <translation>टेम्परेचर (&amp;T):</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>नाम बदलें</translation>
    </message>
    <message>
        <source>Change direction</source>
        <translation>दिशा बदलें</translation>
    </message>
    <message>
        <source>Change use case</source>
        <translation>यूज़ केस बदलें</translation>
    </message>
    <message>
        <source>Change language</source>
        <translation>भाषा बदलें</translation>
    </message>
    <message>
        <source>Change LLM provider</source>
        <translation>LLM प्रोवाइडर बदलें</translation>
    </message>
    <message>
        <source>Change model</source>
        <translation>मॉडल बदलें</translation>
    </message>
    <message>
        <source>Change temperature</source>
        <translation>टेम्परेचर बदलें</translation>
    </message>
    <message>
        <source>Not used by the embedded playbook brain</source>
        <translation>एम्बेडेड प्लेबुक ब्रेन इसका इस्तेमाल नहीं करता</translation>
    </message>
</context>
<context>
    <name>ringside::ui::GreetingPreview</name>
    <message>
        <source>Order, cart or customer id, or a phone number</source>
        <translation>ऑर्डर, कार्ट या ग्राहक ID, या फ़ोन नंबर</translation>
    </message>
    <message>
        <source>The greeting is filled in with this record&apos;s details from the store</source>
        <translation>ग्रीटिंग में स्टोर से इस रिकॉर्ड की जानकारी भरी जाती है</translation>
    </message>
    <message>
        <source>Preview &amp;for:</source>
        <translation>प्रीव्यू किसके लिए (&amp;F):</translation>
    </message>
    <message>
        <source>(The greeting is empty.)</source>
        <translation>(ग्रीटिंग खाली है।)</translation>
    </message>
    <message>
        <source>Filled in for %1.</source>
        <translation>%1 के लिए भरा गया।</translation>
    </message>
    <message>
        <source>No value for %1 with this record — left out so the caller never hears a placeholder.</source>
        <translation>इस रिकॉर्ड में %1 की वैल्यू नहीं है — इसे छोड़ दिया गया ताकि कॉलर को कभी प्लेसहोल्डर सुनाई न दे।</translation>
    </message>
</context>
<context>
    <name>ringside::ui::KeychainSecretStore</name>
    <message>
        <source>No keychain service is running (on Linux: GNOME Keyring or KWallet through the Secret Service). Keys can still come from environment variables.</source>
        <translation>कोई कीचेन सेवा नहीं चल रही (Linux पर: Secret Service के ज़रिए GNOME Keyring या KWallet)। कुंजियाँ फिर भी एनवायरनमेंट वेरिएबल से आ सकती हैं।</translation>
    </message>
    <message>
        <source>The keychain refused access: %1</source>
        <translation>कीचेन ने एक्सेस नहीं दिया: %1</translation>
    </message>
    <message>
        <source>the system keychain</source>
        <translation>सिस्टम कीचेन</translation>
    </message>
</context>
<context>
    <name>ringside::ui::KeywordsEditor</name>
    <message>
        <source>Word or phrase</source>
        <translation>शब्द या वाक्यांश</translation>
    </message>
    <message>
        <source>Boost</source>
        <translation>बूस्ट</translation>
    </message>
    <message>
        <source>Words the recogniser should favour (positive boost) or avoid (negative). Leave the boost empty for the provider&apos;s default.</source>
        <translation>वे शब्द जिन्हें रिकग्नाइज़र ज़्यादा पहचाने (पॉज़िटिव बूस्ट) या टाले (नेगेटिव)। प्रोवाइडर के डिफ़ॉल्ट के लिए बूस्ट खाली छोड़ें।</translation>
    </message>
    <message>
        <source>Add word</source>
        <translation>शब्द जोड़ें</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>Row %1: %2. The list is not saved until this is fixed.</source>
        <translation>पंक्ति %1: %2। इसे ठीक करने तक सूची सेव नहीं होगी।</translation>
    </message>
</context>
<context>
    <name>ringside::ui::KpiTiles</name>
    <message>
        <source>Calls</source>
        <translation>कॉल</translation>
    </message>
    <message>
        <source>Handled by the AI</source>
        <translation>AI ने संभालीं</translation>
    </message>
    <message>
        <source>Average handle time</source>
        <translation>औसत हैंडल टाइम</translation>
    </message>
    <message>
        <source>Average reply latency</source>
        <translation>औसत जवाब समय</translation>
    </message>
    <message>
        <source>COD confirmed</source>
        <translation>COD कन्फ़र्म</translation>
    </message>
    <message>
        <source>Carts recovered</source>
        <translation>कार्ट रिकवर हुए</translation>
    </message>
    <message>
        <source>RTO rate (COD)</source>
        <translation>RTO दर (COD)</translation>
    </message>
    <message>
        <source>Customer satisfaction</source>
        <translation>ग्राहक संतुष्टि</translation>
    </message>
    <message>
        <source>%1 connected · %2 live now</source>
        <translation>%1 कनेक्ट हुईं · %2 अभी लाइव</translation>
    </message>
    <message>
        <source>%1 of %2 connected calls; %3 escalated</source>
        <translation>%2 कनेक्ट हुई कॉल में से %1; %3 एस्केलेट हुईं</translation>
    </message>
    <message>
        <source>talk time of connected calls</source>
        <translation>कनेक्ट हुई कॉल का टॉक टाइम</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>end of the caller&apos;s speech to the agent&apos;s first word</source>
        <translation>कॉलर के बोलना खत्म करने से एजेंट के पहले शब्द तक</translation>
    </message>
    <message>
        <source>%1 of %2 connected COD calls; %3 protected</source>
        <translation>%2 कनेक्ट हुई COD कॉल में से %1; %3 बचाए गए</translation>
    </message>
    <message>
        <source>%1 of %2 calls; %3 recovered</source>
        <translation>%2 कॉल में से %1; %3 रिकवर हुए</translation>
    </message>
    <message>
        <source>previous period %1</source>
        <translation>पिछली अवधि %1</translation>
    </message>
    <message>
        <source>%1 points lower than the previous period</source>
        <translation>पिछली अवधि से %1 पॉइंट कम</translation>
    </message>
    <message>
        <source>%1 / 5</source>
        <translation>%1 / 5</translation>
    </message>
    <message numerus="yes">
        <source>%n response(s); NPS %1</source>
        <translation>
            <numerusform>%n जवाब; NPS %1</numerusform>
            <numerusform>%n जवाब; NPS %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ringside::ui::Labels</name>
    <message>
        <source>Order status (WISMO)</source>
        <translation>ऑर्डर स्टेटस (WISMO)</translation>
    </message>
    <message>
        <source>Delivery update</source>
        <translation>डिलीवरी अपडेट</translation>
    </message>
    <message>
        <source>COD confirmation</source>
        <translation>COD कन्फ़र्मेशन</translation>
    </message>
    <message>
        <source>Cart recovery</source>
        <translation>कार्ट रिकवरी</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>रिटर्न</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>अन्य</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>हल हुई</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>एस्केलेट हुई</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>कन्फ़र्म हुआ</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>बदला गया</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>रद्द हुआ</translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation>नया समय तय</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>रिकवर हुआ</translation>
    </message>
    <message>
        <source>Not interested</source>
        <translation>इंटरेस्ट नहीं</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>कॉल नहीं उठी</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>कॉल बैक</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>विफल</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>बीच में कटी</translation>
    </message>
    <message>
        <source>Price too high</source>
        <translation>कीमत ज़्यादा</translation>
    </message>
    <message>
        <source>Shipping cost</source>
        <translation>शिपिंग चार्ज</translation>
    </message>
    <message>
        <source>Payment issues</source>
        <translation>पेमेंट में दिक्कत</translation>
    </message>
    <message>
        <source>Just browsing</source>
        <translation>बस देख रहे थे</translation>
    </message>
    <message>
        <source>Not ready to buy</source>
        <translation>अभी खरीदने को तैयार नहीं</translation>
    </message>
    <message>
        <source>Found it cheaper</source>
        <translation>कहीं और सस्ता मिला</translation>
    </message>
    <message>
        <source>Changed mind</source>
        <translation>इरादा बदल गया</translation>
    </message>
    <message>
        <source>Delivery too slow</source>
        <translation>डिलीवरी बहुत धीमी</translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation>गलत आइटम</translation>
    </message>
    <message>
        <source>English</source>
        <translation>अंग्रेज़ी</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>हिन्दी</translation>
    </message>
    <message>
        <source>Delivered but not received</source>
        <translation>डिलीवर दिखा, पर मिला नहीं</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>शिकायत</translation>
    </message>
    <message>
        <source>Delayed over 7 days</source>
        <translation>7 दिन से ज़्यादा देरी</translation>
    </message>
    <message>
        <source>Damaged item</source>
        <translation>खराब आइटम आया</translation>
    </message>
    <message>
        <source>Asked for a person</source>
        <translation>किसी इंसान से बात माँगी</translation>
    </message>
    <message>
        <source>Language model unavailable</source>
        <translation>लैंग्वेज मॉडल उपलब्ध नहीं</translation>
    </message>
</context>
<context>
    <name>ringside::ui::LanguageBox</name>
    <message>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <source>Console &amp;language:</source>
        <translation>कंसोल की भाषा (&amp;L):</translation>
    </message>
    <message>
        <source>Same as the system (%1)</source>
        <translation>सिस्टम वाली (%1)</translation>
    </message>
    <message>
        <source>Saved. The console speaks %1 from its next start.</source>
        <translation>सेव हो गया। अगली बार खोलने पर कंसोल %1 में दिखेगा।</translation>
    </message>
</context>
<context>
    <name>ringside::ui::LiveCallsWorkspace</name>
    <message>
        <source>Not connected</source>
        <translation>कनेक्ट नहीं है</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>फिर से कनेक्ट करें (&amp;R)</translation>
    </message>
    <message>
        <source>Connect again as Settings say (embedded engine, or remote URL and token)</source>
        <translation>सेटिंग्स के हिसाब से फिर से कनेक्ट करें (एम्बेडेड इंजन, या रिमोट URL और टोकन)</translation>
    </message>
    <message>
        <source>Escalation queue</source>
        <translation>एस्केलेशन कतार</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>स्वीकार करें (&amp;A)</translation>
    </message>
    <message>
        <source>Take the selected waiting caller (the longest wait when none is selected) (%1)</source>
        <translation>चुना हुआ इंतज़ार करता कॉलर लें (कोई न चुना हो तो सबसे देर से इंतज़ार करने वाला) (%1)</translation>
    </message>
    <message>
        <source>Select a call to follow its conversation</source>
        <translation>बातचीत देखने के लिए कोई कॉल चुनें</translation>
    </message>
    <message>
        <source>%1 accepted call %2</source>
        <translation>%1 ने कॉल %2 स्वीकार की</translation>
    </message>
    <message>
        <source>Embedded engine on 127.0.0.1:%1 — connecting…</source>
        <translation>एम्बेडेड इंजन 127.0.0.1:%1 पर — कनेक्ट हो रहा है…</translation>
    </message>
    <message>
        <source>The embedded engine could not start: %1</source>
        <translation>एम्बेडेड इंजन शुरू नहीं हो सका: %1</translation>
    </message>
    <message>
        <source>Live Calls</source>
        <translation>लाइव कॉल</translation>
    </message>
    <message>
        <source>Remote engine URL: %1 — set it in Settings</source>
        <translation>रिमोट इंजन URL: %1 — इसे सेटिंग्स में डालें</translation>
    </message>
    <message>
        <source>Open a database to run the embedded engine</source>
        <translation>एम्बेडेड इंजन चलाने के लिए कोई डेटाबेस खोलें</translation>
    </message>
    <message>
        <source>Starting the embedded engine…</source>
        <translation>एम्बेडेड इंजन शुरू हो रहा है…</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Call %1 has ended</source>
        <translation>कॉल %1 खत्म हो गई</translation>
    </message>
    <message>
        <source>⚠ Escalated — %1%2. Waiting %3: Accept or Take over.</source>
        <translation>⚠ एस्केलेट हुई — %1%2। %3 से इंतज़ार: स्वीकार करें या कॉल संभालें।</translation>
    </message>
    <message>
        <source> — %1</source>
        <translation> — %1</translation>
    </message>
    <message>
        <source>You have this call: the agent is silent until you hand it back.</source>
        <translation>यह कॉल आपके पास है: जब तक आप वापस नहीं सौंपते, एजेंट चुप रहेगा।</translation>
    </message>
    <message>
        <source>%1 has taken this call over.</source>
        <translation>%1 ने यह कॉल संभाल ली है।</translation>
    </message>
    <message>
        <source>Escalated earlier: %1</source>
        <translation>पहले एस्केलेट हुई थी: %1</translation>
    </message>
    <message>
        <source>This call has ended.</source>
        <translation>यह कॉल खत्म हो चुकी है।</translation>
    </message>
    <message>
        <source>Accepting %1…</source>
        <translation>%1 स्वीकार की जा रही है…</translation>
    </message>
    <message>
        <source>You won: the caller is yours — speak, or type and press Say</source>
        <translation>कॉल आपको मिली: कॉलर अब आपके पास है — बोलें, या टाइप करके बोलें दबाएँ</translation>
    </message>
    <message>
        <source>Another operator won the race (%1)</source>
        <translation>किसी दूसरे ऑपरेटर ने पहले ले ली (%1)</translation>
    </message>
    <message>
        <source>Could not accept: %1</source>
        <translation>स्वीकार नहीं हो सकी: %1</translation>
    </message>
    <message>
        <source>No calls right now. Phones reach the embedded engine at ws://127.0.0.1:%1/twilio/media (Twilio) or /exotel/media (Exotel); calls appear here as they connect.</source>
        <translation>अभी कोई कॉल नहीं। फ़ोन एम्बेडेड इंजन तक ws://127.0.0.1:%1/twilio/media (Twilio) या /exotel/media (Exotel) पर पहुँचते हैं; कॉल कनेक्ट होते ही यहाँ दिखेंगी।</translation>
    </message>
    <message>
        <source>No calls right now. Calls appear here as they connect.</source>
        <translation>अभी कोई कॉल नहीं। कॉल कनेक्ट होते ही यहाँ दिखेंगी।</translation>
    </message>
    <message>
        <source>1 active call</source>
        <translation>1 चालू कॉल</translation>
    </message>
    <message>
        <source>%1 active calls</source>
        <translation>%1 चालू कॉल</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 waiting</source>
        <translation>%1 · %2 · %3 इंतज़ार में</translation>
    </message>
</context>
<context>
    <name>ringside::ui::LiveFeed</name>
    <message>
        <source>not connected to an engine</source>
        <translation>किसी इंजन से कनेक्ट नहीं</translation>
    </message>
    <message>
        <source>The engine holding this call refused the console: %1</source>
        <translation>इस कॉल वाले इंजन ने कंसोल को अस्वीकार कर दिया: %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>विफल: %1</translation>
    </message>
    <message>
        <source>Nobody accepted %1 in time: the caller was offered a callback</source>
        <translation>किसी ने %1 समय पर स्वीकार नहीं की: कॉलर को कॉल बैक ऑफ़र किया गया</translation>
    </message>
    <message>
        <source>The console fell behind the engine; %1 events were skipped and the view was refreshed</source>
        <translation>कंसोल इंजन से पीछे रह गया; %1 इवेंट छोड़े गए और व्यू रीफ़्रेश किया गया</translation>
    </message>
    <message>
        <source>The engine is shutting down; its calls are ending</source>
        <translation>इंजन बंद हो रहा है; उसकी कॉल खत्म हो रही हैं</translation>
    </message>
    <message numerus="yes">
        <source>The engine&apos;s store refused %n call record(s): %1</source>
        <translation>
            <numerusform>इंजन के स्टोर ने %n कॉल रिकॉर्ड अस्वीकार किया: %1</numerusform>
            <numerusform>इंजन के स्टोर ने %n कॉल रिकॉर्ड अस्वीकार किए: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The engine cannot save call records (%1); %n kept and retried</source>
        <translation>
            <numerusform>इंजन कॉल रिकॉर्ड सहेज नहीं पा रहा (%1); %n रिकॉर्ड रखा गया है और फिर से सहेजा जाएगा</numerusform>
            <numerusform>इंजन कॉल रिकॉर्ड सहेज नहीं पा रहा (%1); %n रिकॉर्ड रखे गए हैं और फिर से सहेजे जाएँगे</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The engine is keeping %n call record(s) its database has not taken yet; they are retried</source>
        <translation>
            <numerusform>इंजन %n कॉल रिकॉर्ड रखे हुए है जिसे उसके डेटाबेस ने अभी नहीं लिया; उसे फिर से सहेजा जाएगा</numerusform>
            <numerusform>इंजन %n कॉल रिकॉर्ड रखे हुए है जिन्हें उसके डेटाबेस ने अभी नहीं लिया; उन्हें फिर से सहेजा जाएगा</numerusform>
        </translation>
    </message>
    <message>
        <source>The engine saves call records again</source>
        <translation>इंजन फिर से कॉल रिकॉर्ड सहेज रहा है</translation>
    </message>
    <message>
        <source>Campaign call to %1 ended unanswered (%2)</source>
        <translation>%1 को की गई कैंपेन कॉल का जवाब नहीं मिला (%2)</translation>
    </message>
</context>
<context>
    <name>ringside::ui::MainWindow</name>
    <message>
        <source>Ringside</source>
        <translation>Ringside</translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation>वर्कस्पेस</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>फ़ाइल (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>बंद करें (&amp;Q)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ringside::ui::MemorySecretStore</name>
    <message>
        <source>memory only (not kept after the console closes)</source>
        <translation>सिर्फ़ मेमोरी (कंसोल बंद होने पर नहीं रहतीं)</translation>
    </message>
</context>
<context>
    <name>ringside::ui::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>बंद करें</translation>
    </message>
</context>
<context>
    <name>ringside::ui::MonitorClient</name>
    <message>
        <source>Not connected</source>
        <translation>कनेक्ट नहीं है</translation>
    </message>
    <message>
        <source>Engine URL &quot;%1&quot; is not a ws:// or wss:// address with a host</source>
        <translation>इंजन URL &quot;%1&quot; होस्ट वाला ws:// या wss:// पता नहीं है</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>%1 से कनेक्ट हो रहा है…</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>%1 से कनेक्ट है</translation>
    </message>
    <message>
        <source>The server at %1 has no monitor feed (HTTP 404): check the URL&apos;s path (…/monitor)</source>
        <translation>%1 के सर्वर पर मॉनिटर फ़ीड नहीं है (HTTP 404): URL का पाथ जाँचें (…/monitor)</translation>
    </message>
    <message>
        <source>The engine wants an access token (HTTP %1): set the remote engine token in Settings</source>
        <translation>इंजन को एक्सेस टोकन चाहिए (HTTP %1): सेटिंग्स में रिमोट इंजन टोकन डालें</translation>
    </message>
    <message>
        <source>The engine refused the access token (HTTP %1): check the remote engine token in Settings</source>
        <translation>इंजन ने एक्सेस टोकन नहीं माना (HTTP %1): सेटिंग्स में रिमोट इंजन टोकन जाँचें</translation>
    </message>
    <message>
        <source>the connection closed (code %1)</source>
        <translation>कनेक्शन बंद हुआ (कोड %1)</translation>
    </message>
    <message>
        <source>the engine closed the feed</source>
        <translation>इंजन ने फ़ीड बंद कर दी</translation>
    </message>
    <message>
        <source>Lost the engine (%1); trying again in %2 s</source>
        <translation>इंजन से संपर्क टूटा (%1); %2 सेकंड में फिर कोशिश</translation>
    </message>
    <message>
        <source>unreadable feed message: %1</source>
        <translation>फ़ीड का मैसेज पढ़ा नहीं जा सका: %1</translation>
    </message>
    <message>
        <source>unreadable audio frame: %1</source>
        <translation>ऑडियो फ़्रेम पढ़ा नहीं जा सका: %1</translation>
    </message>
</context>
<context>
    <name>ringside::ui::PlaybookSection</name>
    <message>
        <source>e.g. order-tracker.playbook.json (empty: no playbook)</source>
        <translation>जैसे order-tracker.playbook.json (खाली: कोई प्लेबुक नहीं)</translation>
    </message>
    <message>
        <source>Playbook &amp;file:</source>
        <translation>प्लेबुक फ़ाइल (&amp;F):</translation>
    </message>
    <message>
        <source>Save &amp;playbook</source>
        <translation>प्लेबुक सेव करें (&amp;P)</translation>
    </message>
    <message>
        <source>Change playbook file</source>
        <translation>प्लेबुक फ़ाइल बदलें</translation>
    </message>
    <message>
        <source>This agent has no playbook: the embedded brain needs one, LLM brains do not.</source>
        <translation>इस एजेंट की कोई प्लेबुक नहीं है: एम्बेडेड ब्रेन को प्लेबुक चाहिए, LLM ब्रेन को नहीं।</translation>
    </message>
    <message>
        <source>%1 does not exist yet.</source>
        <translation>%1 अभी मौजूद नहीं है।</translation>
    </message>
    <message>
        <source>%1 does not exist yet; saving creates it beside the agent.</source>
        <translation>%1 अभी मौजूद नहीं है; सेव करने पर यह एजेंट के पास ही बन जाएगी।</translation>
    </message>
    <message>
        <source>Editing %1</source>
        <translation>%1 बदल रहे हैं</translation>
    </message>
    <message>
        <source>Shipped playbook %1 (read-only).</source>
        <translation>साथ आई प्लेबुक %1 (सिर्फ़ पढ़ने के लिए)।</translation>
    </message>
    <message>
        <source>Showing the shipped playbook; saving writes your copy to %1.</source>
        <translation>साथ आई प्लेबुक दिख रही है; सेव करने पर आपकी कॉपी %1 में लिखी जाएगी।</translation>
    </message>
    <message>
        <source>Empty.</source>
        <translation>खाली।</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>जाँच हो रही है…</translation>
    </message>
    <message>
        <source>✓ No problems: the engine&apos;s playbook checks pass.</source>
        <translation>✓ कोई समस्या नहीं: इंजन की प्लेबुक जाँचें पास हैं।</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… और %n।</numerusform>
            <numerusform>… और %n।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s):</source>
        <translation>
            <numerusform>%n समस्या:</numerusform>
            <numerusform>%n समस्याएँ:</numerusform>
        </translation>
    </message>
    <message>
        <source>This playbook belongs to a shipped agent; duplicate the agent to edit it.</source>
        <translation>यह प्लेबुक साथ आए एजेंट की है; इसे बदलने के लिए एजेंट को डुप्लिकेट करें।</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>सेव नहीं हुआ: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 में लिखा नहीं जा सका: %2</translation>
    </message>
</context>
<context>
    <name>ringside::ui::PreviewVariables</name>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>%1 — %2, abandoned cart</source>
        <translation>%1 — %2, छोड़ा हुआ कार्ट</translation>
    </message>
    <message>
        <source>no record: store-wide values only</source>
        <translation>कोई रिकॉर्ड नहीं: सिर्फ़ स्टोर की सामान्य वैल्यू</translation>
    </message>
    <message>
        <source>order %1</source>
        <translation>ऑर्डर %1</translation>
    </message>
    <message>
        <source>cart %1</source>
        <translation>कार्ट %1</translation>
    </message>
    <message>
        <source>customer %1</source>
        <translation>ग्राहक %1</translation>
    </message>
    <message>
        <source>a call from %1</source>
        <translation>%1 से आई कॉल</translation>
    </message>
    <message>
        <source>No order, cart, customer or phone number &quot;%1&quot; in the store.</source>
        <translation>स्टोर में &quot;%1&quot; नाम का कोई ऑर्डर, कार्ट, ग्राहक या फ़ोन नंबर नहीं है।</translation>
    </message>
</context>
<context>
    <name>ringside::ui::ProviderChoices</name>
    <message>
        <source>Embedded (offline)</source>
        <translation>एम्बेडेड (ऑफ़लाइन)</translation>
    </message>
    <message>
        <source>OpenAI-compatible</source>
        <translation>OpenAI-कम्पैटिबल</translation>
    </message>
</context>
<context>
    <name>ringside::ui::ProviderKeys</name>
    <message>
        <source>speech recognition (sttProvider deepgram)</source>
        <translation>स्पीच रिकग्निशन (sttProvider deepgram)</translation>
    </message>
    <message>
        <source>speech synthesis (ttsProvider cartesia)</source>
        <translation>स्पीच सिंथेसिस (ttsProvider cartesia)</translation>
    </message>
    <message>
        <source>speech synthesis (ttsProvider azure)</source>
        <translation>स्पीच सिंथेसिस (ttsProvider azure)</translation>
    </message>
    <message>
        <source>language model (llmProvider gemini)</source>
        <translation>लैंग्वेज मॉडल (llmProvider gemini)</translation>
    </message>
    <message>
        <source>OpenAI-compatible</source>
        <translation>OpenAI-कम्पैटिबल</translation>
    </message>
    <message>
        <source>language model (openai-compatible, ollama, llama.cpp, vllm)</source>
        <translation>लैंग्वेज मॉडल (openai-compatible, ollama, llama.cpp, vllm)</translation>
    </message>
    <message>
        <source>Remote engine token</source>
        <translation>रिमोट इंजन टोकन</translation>
    </message>
    <message>
        <source>connecting to a remote engine</source>
        <translation>रिमोट इंजन से कनेक्ट करने के लिए</translation>
    </message>
    <message>
        <source>Google Cloud access token</source>
        <translation>Google Cloud एक्सेस टोकन</translation>
    </message>
    <message>
        <source>speech recognition (sttProvider google, Chirp); short-lived: gcloud auth print-access-token</source>
        <translation>स्पीच रिकग्निशन (sttProvider google, Chirp); कुछ समय ही चलता है: gcloud auth print-access-token</translation>
    </message>
    <message>
        <source>Google Cloud project</source>
        <translation>Google Cloud प्रोजेक्ट</translation>
    </message>
    <message>
        <source>speech recognition (sttProvider google): the project ID</source>
        <translation>स्पीच रिकग्निशन (sttProvider google): प्रोजेक्ट ID</translation>
    </message>
    <message>
        <source>Azure Speech region</source>
        <translation>Azure Speech रीजन</translation>
    </message>
    <message>
        <source>speech synthesis (ttsProvider azure), e.g. centralindia</source>
        <translation>स्पीच सिंथेसिस (ttsProvider azure), जैसे centralindia</translation>
    </message>
</context>
<context>
    <name>ringside::ui::ProviderKeysBox</name>
    <message>
        <source>Provider keys</source>
        <translation>प्रोवाइडर कुंजियाँ</translation>
    </message>
    <message>
        <source>Keys for cloud speech and language providers are kept in %1, or read from the environment. They are never written to agent files. Agents whose provider has no key run on the embedded (offline) engine instead.</source>
        <translation>क्लाउड स्पीच और लैंग्वेज प्रोवाइडर की कुंजियाँ %1 में रखी जाती हैं, या एनवायरनमेंट से पढ़ी जाती हैं। ये कभी एजेंट फ़ाइलों में नहीं लिखी जातीं। जिन एजेंट के प्रोवाइडर की कुंजी नहीं है, वे एम्बेडेड (ऑफ़लाइन) इंजन पर चलते हैं।</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>जाँच हो रही है…</translation>
    </message>
    <message>
        <source>Paste a new key</source>
        <translation>नई कुंजी पेस्ट करें</translation>
    </message>
    <message>
        <source>%1 key</source>
        <translation>%1 कुंजी</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>सेव करें</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>सेव हो रहा है…</translation>
    </message>
    <message>
        <source>✓ Saved in the keychain</source>
        <translation>✓ कीचेन में सेव है</translation>
    </message>
    <message>
        <source>also set in the environment (%1)</source>
        <translation>एनवायरनमेंट में भी सेट है (%1)</translation>
    </message>
    <message>
        <source>✓ From the environment (%1)</source>
        <translation>✓ एनवायरनमेंट से (%1)</translation>
    </message>
    <message>
        <source>Not set — set %1 or save a key here</source>
        <translation>सेट नहीं — %1 सेट करें या यहाँ कुंजी सेव करें</translation>
    </message>
    <message>
        <source> or </source>
        <translation> या </translation>
    </message>
    <message>
        <source>Keychain: %1</source>
        <translation>कीचेन: %1</translation>
    </message>
    <message>
        <source>Type a new value</source>
        <translation>नया मान लिखें</translation>
    </message>
</context>
<context>
    <name>ringside::ui::RoiPanel</name>
    <message>
        <source>Return on investment</source>
        <translation>निवेश पर रिटर्न (ROI)</translation>
    </message>
    <message>
        <source>Use the measured talk time</source>
        <translation>मापा गया टॉक टाइम इस्तेमाल करें</translation>
    </message>
    <message>
        <source> min</source>
        <translation> मिनट</translation>
    </message>
    <message>
        <source>How much of the recovered cart revenue to count as benefit (100 % as in the industry figures)</source>
        <translation>रिकवर हुए कार्ट की कमाई का कितना हिस्सा फ़ायदे में गिनें (इंडस्ट्री के आँकड़ों की तरह 100 %)</translation>
    </message>
    <message>
        <source>Voice agent cost per &amp;minute:</source>
        <translation>वॉइस एजेंट का प्रति मिनट खर्च (&amp;M):</translation>
    </message>
    <message>
        <source>Cost of a call handled by a &amp;person:</source>
        <translation>व्यक्ति द्वारा संभाली गई कॉल का खर्च (&amp;P):</translation>
    </message>
    <message>
        <source>Cost of one &amp;RTO (return to origin):</source>
        <translation>एक &amp;RTO (रिटर्न टू ओरिजिन) का खर्च:</translation>
    </message>
    <message>
        <source>Minutes per call:</source>
        <translation>प्रति कॉल मिनट:</translation>
    </message>
    <message>
        <source>Recovered revenue &amp;counted:</source>
        <translation>रिकवर कमाई जो गिनी जाए (&amp;C):</translation>
    </message>
    <message>
        <source>ROI for the period</source>
        <translation>इस अवधि का ROI</translation>
    </message>
    <message>
        <source>Cost: %1 (%2 minutes of %3 AI calls, %4 min each%5)</source>
        <translation>खर्च: %1 (%3 AI कॉल के %2 मिनट, हर कॉल %4 मिनट%5)</translation>
    </message>
    <message>
        <source>, measured</source>
        <translation>, मापा गया</translation>
    </message>
    <message>
        <source>Benefit: %1</source>
        <translation>फ़ायदा: %1</translation>
    </message>
    <message>
        <source>%1 RTOs avoided (%2 points on %3 COD orders)</source>
        <translation>%1 RTO बचे (%3 COD ऑर्डर पर %2 पॉइंट)</translation>
    </message>
    <message>
        <source>no RTO change measured</source>
        <translation>RTO में कोई बदलाव नहीं मापा गया</translation>
    </message>
    <message>
        <source>• Agent time saved: %1 (%2 calls deflected: %3)
• Recovered carts: %4 (%5 carts)
• RTO savings: %6 (%7)</source>
        <translation>• एजेंट का बचा समय: %1 (%2 कॉल AI ने संभालीं: %3)
• रिकवर हुए कार्ट: %4 (%5 कार्ट)
• RTO से बचत: %6 (%7)</translation>
    </message>
</context>
<context>
    <name>ringside::ui::ScenarioPanel</name>
    <message>
        <source>Regression scenarios</source>
        <translation>रिग्रेशन सिनेरियो</translation>
    </message>
    <message>
        <source>Run all</source>
        <translation>सभी चलाएँ</translation>
    </message>
    <message>
        <source>Replay every saved scenario against a fresh demo store, as ringside-engine test does</source>
        <translation>हर सेव सिनेरियो को नए डेमो स्टोर पर दोबारा चलाएँ, जैसे ringside-engine test करता है</translation>
    </message>
    <message>
        <source>None yet: end a test call and save it as a scenario.</source>
        <translation>अभी कोई नहीं: टेस्ट कॉल खत्म करके उसे सिनेरियो के रूप में सेव करें।</translation>
    </message>
    <message numerus="yes">
        <source>%n scenario file(s) in %1</source>
        <translation>
            <numerusform>%1 में %n सिनेरियो फ़ाइल</numerusform>
            <numerusform>%1 में %n सिनेरियो फ़ाइलें</numerusform>
        </translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>चल रहा है…</translation>
    </message>
    <message>
        <source>PASS %1</source>
        <translation>पास %1</translation>
    </message>
    <message>
        <source>FAIL %1</source>
        <translation>फ़ेल %1</translation>
    </message>
    <message>
        <source>%1 passed, %2 failed</source>
        <translation>%1 पास, %2 फ़ेल</translation>
    </message>
</context>
<context>
    <name>ringside::ui::Screenshotter</name>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>फ़ोल्डर %1 नहीं बन सका</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 में लिखा नहीं जा सका</translation>
    </message>
</context>
<context>
    <name>ringside::ui::SettingsWorkspace</name>
    <message>
        <source>Engine</source>
        <translation>इंजन</translation>
    </message>
    <message>
        <source>&amp;Embedded — calls run inside this console</source>
        <translation>एम्बेडेड — कॉल इसी कंसोल के अंदर चलती हैं (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Remote — attach to ringside-engine serve on another machine</source>
        <translation>रिमोट — दूसरी मशीन पर चल रहे ringside-engine serve से जुड़ें (&amp;R)</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>लागू करें</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>पता:</translation>
    </message>
    <message>
        <source>The remote engine&apos;s access token is stored with the provider keys below.</source>
        <translation>रिमोट इंजन का एक्सेस टोकन नीचे प्रोवाइडर कुंजियों के साथ रखा जाता है।</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>डेटाबेस</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>चुनें…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>खोलें</translation>
    </message>
    <message>
        <source>An SQLite file holding the store, the call history and the campaign queue. It is created if it does not exist.</source>
        <translation>एक SQLite फ़ाइल जिसमें स्टोर, कॉल हिस्ट्री और कैंपेन की कतार रहती है। न हो तो नई बन जाती है।</translation>
    </message>
    <message>
        <source>Choose a database</source>
        <translation>डेटाबेस चुनें</translation>
    </message>
    <message>
        <source>SQLite databases (*.db);;All files (*)</source>
        <translation>SQLite डेटाबेस (*.db);;सभी फ़ाइलें (*)</translation>
    </message>
    <message>
        <source>OpenAI-compatible server</source>
        <translation>OpenAI-कम्पैटिबल सर्वर</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>बेस &amp;URL:</translation>
    </message>
    <message>
        <source>RINGSIDE_OPENAI_BASE_URL is set (%1) and takes precedence.</source>
        <translation>RINGSIDE_OPENAI_BASE_URL सेट है (%1), वही माना जाएगा।</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>सेटिंग्स</translation>
    </message>
    <message>
        <source>Enter the path of a database file.</source>
        <translation>डेटाबेस फ़ाइल का पाथ डालें।</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 खुल रहा है…</translation>
    </message>
    <message>
        <source>Could not open it: %1</source>
        <translation>नहीं खुल सका: %1</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>कोई डेटाबेस खुला नहीं है।</translation>
    </message>
    <message>
        <source>Open: %1 — %2 store records, %3 calls%4</source>
        <translation>खुला है: %1 — %2 स्टोर रिकॉर्ड, %3 कॉल%4</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
</context>
<context>
    <name>ringside::ui::SpeechSection</name>
    <message>
        <source>Listening (speech to text)</source>
        <translation>सुनना (स्पीच से टेक्स्ट)</translation>
    </message>
    <message>
        <source>The provider&apos;s default model</source>
        <translation>प्रोवाइडर का डिफ़ॉल्ट मॉडल</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Silence that ends the caller&apos;s turn. Shorter answers faster; longer lets people pause.</source>
        <translation>इतनी खामोशी के बाद कॉलर की बारी खत्म मानी जाती है। कम रखें तो जवाब जल्दी; ज़्यादा रखें तो लोग रुककर बोल सकते हैं।</translation>
    </message>
    <message>
        <source>Partial transcripts while the caller speaks (needed for barge-in)</source>
        <translation>कॉलर के बोलते समय अधूरे ट्रांसक्रिप्ट (बीच में टोकने के लिए ज़रूरी)</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>प्रोवाइडर (&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>मॉडल (&amp;M):</translation>
    </message>
    <message>
        <source>&amp;End of turn after:</source>
        <translation>बारी खत्म, इतनी देर बाद (&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Keyword boosts:</source>
        <translation>कीवर्ड बूस्ट (&amp;K):</translation>
    </message>
    <message>
        <source>Speaking (text to speech)</source>
        <translation>बोलना (टेक्स्ट से स्पीच)</translation>
    </message>
    <message>
        <source>The provider&apos;s default voice for the language</source>
        <translation>इस भाषा के लिए प्रोवाइडर की डिफ़ॉल्ट आवाज़</translation>
    </message>
    <message>
        <source>Let the caller interrupt the agent (barge-in)</source>
        <translation>कॉलर को एजेंट के बीच में बोलने दें (बार्ज-इन)</translation>
    </message>
    <message>
        <source>P&amp;rovider:</source>
        <translation>प्रोवाइडर (&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Voice:</source>
        <translation>आवाज़ (&amp;V):</translation>
    </message>
    <message>
        <source>&amp;Speed:</source>
        <translation>रफ़्तार (&amp;S):</translation>
    </message>
    <message>
        <source>Change STT provider</source>
        <translation>STT प्रोवाइडर बदलें</translation>
    </message>
    <message>
        <source>Change STT model</source>
        <translation>STT मॉडल बदलें</translation>
    </message>
    <message>
        <source>Change TTS provider</source>
        <translation>TTS प्रोवाइडर बदलें</translation>
    </message>
    <message>
        <source>Change voice</source>
        <translation>आवाज़ बदलें</translation>
    </message>
    <message>
        <source>Change end of turn</source>
        <translation>बारी खत्म होने का समय बदलें</translation>
    </message>
    <message>
        <source>Change speed</source>
        <translation>रफ़्तार बदलें</translation>
    </message>
    <message>
        <source>Change partial transcripts</source>
        <translation>अधूरे ट्रांसक्रिप्ट की सेटिंग बदलें</translation>
    </message>
    <message>
        <source>Change barge-in</source>
        <translation>बार्ज-इन बदलें</translation>
    </message>
    <message>
        <source>Edit keyword boosts</source>
        <translation>कीवर्ड बूस्ट बदलें</translation>
    </message>
    <message>
        <source>%1 accepts %2× to %3×</source>
        <translation>%1 में %2× से %3× तक चलता है</translation>
    </message>
</context>
<context>
    <name>ringside::ui::StoreBox</name>
    <message>
        <source>Store</source>
        <translation>स्टोर</translation>
    </message>
    <message>
        <source>Connect your Shopify or WooCommerce shop: calls then answer from its orders, and what callers ask for (cancel, a new address, a discount) is made in the shop. Without a shop, the embedded store is used.</source>
        <translation>अपनी Shopify या WooCommerce शॉप जोड़ें: तब कॉल में उसी के ऑर्डर से जवाब दिए जाते हैं, और कॉलर जो माँगते हैं (कैंसल, नया पता, डिस्काउंट) वह शॉप में ही हो जाता है। शॉप न जुड़ी हो तो एम्बेडेड स्टोर इस्तेमाल होता है।</translation>
    </message>
    <message>
        <source>Shopify</source>
        <translation>Shopify</translation>
    </message>
    <message>
        <source>WooCommerce</source>
        <translation>WooCommerce</translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation>प्लेटफ़ॉर्म (&amp;P):</translation>
    </message>
    <message>
        <source>S&amp;hop:</source>
        <translation>शॉप (&amp;H):</translation>
    </message>
    <message>
        <source>&amp;Access token:</source>
        <translation>एक्सेस टोकन (&amp;A):</translation>
    </message>
    <message>
        <source>Consumer &amp;secret:</source>
        <translation>कंज़्यूमर सीक्रेट (&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Webhook secret:</source>
        <translation>वेबहुक सीक्रेट (&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>कनेक्शन जाँचें (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>जोड़ें (&amp;C)</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>अभी सिंक करें (&amp;Y)</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>डिस्कनेक्ट करें</translation>
    </message>
    <message>
        <source>Last webhook events</source>
        <translation>हाल के वेबहुक इवेंट</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>कब आया</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>टॉपिक</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>नतीजा</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>ब्योरा</translation>
    </message>
    <message>
        <source>Changes waiting for the shop or failed</source>
        <translation>शॉप में भेजे जाने को रुके या विफल बदलाव</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>काम</translation>
    </message>
    <message>
        <source>Order / cart</source>
        <translation>ऑर्डर / कार्ट</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>वजह</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>फिर कोशिश करें (&amp;R)</translation>
    </message>
    <message>
        <source>Admin API access token (shpat_…)</source>
        <translation>Admin API एक्सेस टोकन (shpat_…)</translation>
    </message>
    <message>
        <source>Consumer key (ck_…)</source>
        <translation>कंज़्यूमर की (ck_…)</translation>
    </message>
    <message>
        <source>Webhook address to paste into %1: https://YOUR-PUBLIC-ADDRESS/webhooks/%2 (serve&apos;s port, behind TLS), signed with the webhook secret above.</source>
        <translation>%1 में डालने के लिए वेबहुक पता: https://आपका-पब्लिक-पता/webhooks/%2 (serve का पोर्ट, TLS के पीछे), ऊपर वाले वेबहुक सीक्रेट से साइन किया हुआ।</translation>
    </message>
    <message>
        <source>Open a database first.</source>
        <translation>पहले कोई डेटाबेस खोलें।</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>%1 से पूछ रहे हैं…</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>कनेक्ट नहीं हो सका: %1</translation>
    </message>
    <message>
        <source>Connected to %1: %2, %3, %4</source>
        <translation>%1 से जुड़ गया: %2, %3, %4</translation>
    </message>
    <message>
        <source>The shop answers: %1 is %2, %3, %4</source>
        <translation>शॉप का जवाब: %1 है %2, %3, %4</translation>
    </message>
    <message>
        <source>time zone unknown</source>
        <translation>टाइम ज़ोन पता नहीं</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>सिंक हो रहा है…</translation>
    </message>
    <message>
        <source>Connect a shop first.</source>
        <translation>पहले कोई शॉप जोड़ें।</translation>
    </message>
    <message>
        <source>%1: %2 records, %3 pages</source>
        <translation>%1: %2 रिकॉर्ड, %3 पेज</translation>
    </message>
    <message>
        <source>Sync finished.</source>
        <translation>सिंक पूरा हुआ।</translation>
    </message>
    <message>
        <source>Sync stopped: %1 (what was stored is kept; Sync now resumes)</source>
        <translation>सिंक रुक गया: %1 (जो सेव हुआ वह रहेगा; अभी सिंक करें से आगे बढ़ेगा)</translation>
    </message>
    <message>
        <source>Disconnected; calls use the embedded store again.</source>
        <translation>शॉप डिस्कनेक्ट हुई; कॉल फिर से एम्बेडेड स्टोर इस्तेमाल करेंगी।</translation>
    </message>
    <message>
        <source>Queued again; the outbox worker will try it now.</source>
        <translation>फिर से कतार में डाला; आउटबॉक्स वर्कर अभी कोशिश करेगा।</translation>
    </message>
    <message>
        <source>That change is no longer waiting.</source>
        <translation>वह बदलाव अब इंतज़ार में नहीं है।</translation>
    </message>
    <message>
        <source>Connected to %1 (%2).</source>
        <translation>%1 से जुड़ा है (%2)।</translation>
    </message>
    <message>
        <source>No shop connected: calls use the embedded store.</source>
        <translation>कोई शॉप नहीं जुड़ी: कॉल एम्बेडेड स्टोर इस्तेमाल करती हैं।</translation>
    </message>
    <message>
        <source>Text messages: %1 sent, %2 delivered, %3 waiting, %4 failed%5</source>
        <translation>SMS: %1 भेजे, %2 पहुँचे, %3 इंतज़ार में, %4 विफल%5</translation>
    </message>
    <message>
        <source> — still queued because %1</source>
        <translation> — अभी कतार में, क्योंकि %1</translation>
    </message>
</context>
<context>
    <name>ringside::ui::TestCallWorkspace</name>
    <message>
        <source>The order, cart or customer the call is about (fills the agent&apos;s variables), or a phone number; empty for none</source>
        <translation>कॉल किस ऑर्डर, कार्ट या ग्राहक के बारे में है (इससे एजेंट के वेरिएबल भरते हैं), या फ़ोन नंबर; किसी के बारे में नहीं तो खाली छोड़ें</translation>
    </message>
    <message>
        <source>Start call</source>
        <translation>कॉल शुरू करें</translation>
    </message>
    <message>
        <source>End</source>
        <translation>खत्म करें</translation>
    </message>
    <message>
        <source>Agent:</source>
        <translation>एजेंट:</translation>
    </message>
    <message>
        <source>About:</source>
        <translation>किस बारे में:</translation>
    </message>
    <message>
        <source>Type what the caller says and press Enter</source>
        <translation>कॉलर क्या कहता है, लिखें और Enter दबाएँ</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>भेजें</translation>
    </message>
    <message>
        <source>Save as regression scenario</source>
        <translation>रिग्रेशन सिनेरियो के रूप में सेव करें</translation>
    </message>
    <message>
        <source>Keep this call&apos;s turns, tool calls and escalation as a scenario that `ringside-engine test` replays</source>
        <translation>इस कॉल की बातचीत, टूल कॉल और एस्केलेशन को ऐसे सिनेरियो के रूप में रखें जिसे `ringside-engine test` दोबारा चलाता है</translation>
    </message>
    <message>
        <source>Test Call</source>
        <translation>टेस्ट कॉल</translation>
    </message>
    <message>
        <source>(nobody in particular)</source>
        <translation>(कोई खास नहीं)</translation>
    </message>
    <message>
        <source>The call could not start: %1</source>
        <translation>कॉल शुरू नहीं हो सकी: %1</translation>
    </message>
    <message>
        <source>No agent %1 to call.</source>
        <translation>कॉल करने के लिए %1 नाम का कोई एजेंट नहीं है।</translation>
    </message>
    <message>
        <source>Escalated to a person — %1: %2</source>
        <translation>किसी व्यक्ति को एस्केलेट की गई — %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Last reply %1 ms · average %2 ms over %n turn(s)</source>
        <translation>
            <numerusform>पिछला जवाब %1 ms · %n बारी में औसत %2 ms</numerusform>
            <numerusform>पिछला जवाब %1 ms · %n बारियों में औसत %2 ms</numerusform>
        </translation>
    </message>
    <message>
        <source>The call ended: %1. Save it as a regression scenario to replay it later.</source>
        <translation>कॉल खत्म हुई: %1। बाद में दोबारा चलाने के लिए इसे रिग्रेशन सिनेरियो के रूप में सेव करें।</translation>
    </message>
    <message>
        <source>%1: test call of %2</source>
        <translation>%1: %2 की टेस्ट कॉल</translation>
    </message>
    <message>
        <source>Nothing to save: the caller never spoke in this call.</source>
        <translation>सेव करने को कुछ नहीं: इस कॉल में कॉलर कुछ बोला ही नहीं।</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>फ़ोल्डर %1 नहीं बन सका।</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 में लिखा नहीं जा सका: %2</translation>
    </message>
    <message>
        <source>Saved as %1. Run it beside the others with “Run all”, or with ringside-engine test %2.</source>
        <translation>%1 के रूप में सेव हुआ। इसे बाकियों के साथ “सभी चलाएँ” से चलाएँ, या ringside-engine test %2 से।</translation>
    </message>
</context>
<context>
    <name>ringside::ui::ToolsSection</name>
    <message>
        <source>Tick the tools this agent may call:</source>
        <translation>वे टूल चुनें जिन्हें यह एजेंट कॉल कर सकता है:</translation>
    </message>
    <message>
        <source>What the model sees</source>
        <translation>मॉडल को क्या दिखता है</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>आज़माएँ</translation>
    </message>
    <message>
        <source>Change tools</source>
        <translation>टूल बदलें</translation>
    </message>
</context>
<context>
    <name>ringside::ui::TranscriptModel</name>
    <message>
        <source>interrupted before any word was heard</source>
        <translation>कोई शब्द सुनाई देने से पहले ही टोका गया</translation>
    </message>
    <message>
        <source>interrupted; the caller heard: “%1”</source>
        <translation>बीच में टोका गया; कॉलर ने सुना: “%1”</translation>
    </message>
    <message>
        <source>escalated</source>
        <translation>एस्केलेट हुई</translation>
    </message>
    <message>
        <source>An operator took the call over; the agent is silent</source>
        <translation>एक ऑपरेटर ने कॉल संभाल ली; एजेंट चुप है</translation>
    </message>
    <message>
        <source>The operator handed the call back to the agent</source>
        <translation>ऑपरेटर ने कॉल वापस एजेंट को सौंप दी</translation>
    </message>
    <message>
        <source>The caller pressed %1</source>
        <translation>कॉलर ने %1 दबाया</translation>
    </message>
    <message>
        <source>The call is ending: %1</source>
        <translation>कॉल खत्म हो रही है: %1</translation>
    </message>
    <message>
        <source>Call ended</source>
        <translation>कॉल खत्म हुई</translation>
    </message>
    <message>
        <source>Call ended: %1</source>
        <translation>कॉल खत्म हुई: %1</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>कॉलर</translation>
    </message>
    <message>
        <source>Caller (speaking)</source>
        <translation>कॉलर (बोल रहे हैं)</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>एजेंट</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>ऑपरेटर</translation>
    </message>
    <message>
        <source>Tool call</source>
        <translation>टूल कॉल</translation>
    </message>
    <message>
        <source>Tool result</source>
        <translation>टूल का नतीजा</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>एस्केलेशन</translation>
    </message>
    <message>
        <source>Whisper</source>
        <translation>व्हिस्पर</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>कॉल</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>सूचना</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>खत्म</translation>
    </message>
    <message>
        <source>→ %1(%2)</source>
        <translation>→ %1(%2)</translation>
    </message>
    <message>
        <source>← %1: %2</source>
        <translation>← %1: %2</translation>
    </message>
    <message>
        <source>⚠ Escalation: %1</source>
        <translation>⚠ एस्केलेशन: %1</translation>
    </message>
    <message>
        <source>⚠ Escalation: %1 — %2</source>
        <translation>⚠ एस्केलेशन: %1 — %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>  (%1 ms)</source>
        <translation>  (%1 ms)</translation>
    </message>
</context>
<context>
    <name>ringside::ui::TranscriptView</name>
    <message>
        <source>Start a call: the agent&apos;s greeting, your words, the tools it calls and what they answered appear here.</source>
        <translation>कॉल शुरू करें: एजेंट की ग्रीटिंग, आपकी बातें, एजेंट के कॉल किए टूल और उनके जवाब यहाँ दिखेंगे।</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#1565c0&apos;&gt;Agent:&lt;/b&gt; %1</source>
        <translation>&lt;b style=&apos;color:#1565c0&apos;&gt;एजेंट:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#2e7d32&apos;&gt;Caller:&lt;/b&gt; %1</source>
        <translation>&lt;b style=&apos;color:#2e7d32&apos;&gt;कॉलर:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;font-family:monospace;color:#6a1b9a&apos;&gt;→ %1 %2&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;font-family:monospace;color:#6a1b9a&apos;&gt;→ %1 %2&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;font-family:monospace;color:%1&apos;&gt;← %2 %3&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;font-family:monospace;color:%1&apos;&gt;← %2 %3&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#c62828&apos;&gt;Escalated to a person&lt;/b&gt; (%1): %2</source>
        <translation>&lt;b style=&apos;color:#c62828&apos;&gt;किसी व्यक्ति को एस्केलेट की गई&lt;/b&gt; (%1): %2</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#888;font-size:small&apos;&gt;replied in %1 ms&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#888;font-size:small&apos;&gt;%1 ms में जवाब दिया&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;i style=&apos;color:#888&apos;&gt;Note: %1&lt;/i&gt;</source>
        <translation>&lt;i style=&apos;color:#888&apos;&gt;नोट: %1&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Call ended&lt;/b&gt; — %1</source>
        <translation>&lt;b&gt;कॉल खत्म हुई&lt;/b&gt; — %1</translation>
    </message>
    <message>
        <source>&lt;i style=&apos;color:#888&apos;&gt;The caller interrupted after: “%1”&lt;/i&gt;</source>
        <translation>&lt;i style=&apos;color:#888&apos;&gt;कॉलर ने यहाँ के बाद टोका: “%1”&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>ringside::ui::TryItPanel</name>
    <message>
        <source>Runs the tool against the open store, as a call would. Tools that change an order (confirm, cancel, reschedule…) really change it.</source>
        <translation>टूल को खुले स्टोर पर वैसे ही चलाता है जैसे कॉल में चलता। ऑर्डर बदलने वाले टूल (कन्फ़र्म, रद्द, नया समय…) सच में ऑर्डर बदल देते हैं।</translation>
    </message>
    <message>
        <source>Arguments as a JSON object</source>
        <translation>आर्ग्युमेंट JSON ऑब्जेक्ट के रूप में</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>चलाएँ (&amp;R)</translation>
    </message>
    <message>
        <source>Run the tool (Ctrl+Enter)</source>
        <translation>टूल चलाएँ (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>The result appears here.</source>
        <translation>नतीजा यहाँ दिखेगा।</translation>
    </message>
    <message>
        <source>The arguments are not valid JSON: %1</source>
        <translation>आर्ग्युमेंट सही JSON नहीं हैं: %1</translation>
    </message>
    <message>
        <source>The arguments must be a JSON object: {&quot;name&quot;: value, …}</source>
        <translation>आर्ग्युमेंट JSON ऑब्जेक्ट होने चाहिए: {&quot;name&quot;: value, …}</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>%1 चल रहा है…</translation>
    </message>
    <message>
        <source>%1 refused the arguments: %2</source>
        <translation>%1 ने आर्ग्युमेंट नहीं माने: %2</translation>
    </message>
    <message>
        <source>%1 answered.</source>
        <translation>%1 ने जवाब दिया।</translation>
    </message>
</context>
<context>
    <name>ringside::ui::VariablesSection</name>
    <message>
        <source>This agent&apos;s variables</source>
        <translation>इस एजेंट के वेरिएबल</translation>
    </message>
    <message>
        <source>Declare a variable here to use it as {{name}} in the greeting or prompt. The default is used when a call does not supply a value.</source>
        <translation>ग्रीटिंग या प्रॉम्प्ट में {{name}} की तरह इस्तेमाल करने के लिए वेरिएबल यहाँ बताएँ। कॉल में वैल्यू न मिले तो डिफ़ॉल्ट इस्तेमाल होता है।</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>विवरण</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>डिफ़ॉल्ट</translation>
    </message>
    <message>
        <source>Add variable</source>
        <translation>वेरिएबल जोड़ें</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>Built-in variables (filled from the store and the call)</source>
        <translation>बिल्ट-इन वेरिएबल (स्टोर और कॉल से भरे जाते हैं)</translation>
    </message>
    <message>
        <source>Edit variables</source>
        <translation>वेरिएबल बदलें</translation>
    </message>
</context>
<context>
    <name>ringside::ui::VoiceLink</name>
    <message>
        <source>no microphone</source>
        <translation>माइक्रोफ़ोन नहीं</translation>
    </message>
    <message>
        <source>%1 does not record 16-bit mono audio</source>
        <translation>%1 पर 16-बिट मोनो ऑडियो रिकॉर्ड नहीं होता</translation>
    </message>
    <message>
        <source>no speaker: the agent&apos;s replies are shown as text only</source>
        <translation>स्पीकर नहीं: एजेंट के जवाब सिर्फ़ टेक्स्ट में दिखेंगे</translation>
    </message>
</context>
<context>
    <name>ringside::ui::VoiceWorker</name>
    <message>
        <source>no microphone</source>
        <translation>माइक्रोफ़ोन नहीं</translation>
    </message>
</context>
<context>
    <name>ringside::ui::WavCaller</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: no recognizer for this agent: %2</source>
        <translation>%1: इस एजेंट के लिए कोई रिकग्नाइज़र नहीं: %2</translation>
    </message>
    <message>
        <source>%1: the recognizer cannot hear this file: %2</source>
        <translation>%1: रिकग्नाइज़र यह फ़ाइल नहीं सुन पा रहा: %2</translation>
    </message>
</context>
<context>
    <name>ringside::ui::WorkerServices</name>
    <message>
        <source>No database is open. Choose one in Settings.</source>
        <translation>कोई डेटाबेस खुला नहीं है। सेटिंग्स में कोई चुनें।</translation>
    </message>
</context>
</TS>
