<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
  <context>
    <name>Demo</name>
    <message>
      <location filename="../desktop/ui/demo/controller.py" line="197" />
      <source>&amp;Training cases…</source>
      <extracomment>How long to gather changes before asking the outbox to try (draft saves come in bursts). "Reset the demo?" while it is asked. Puts the banner on every window shown while the demo runs (dialogs of any part of the app).</extracomment>
      <translation>&amp;Training cases…</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/controller.py" line="198" />
      <source>&amp;Municipality view</source>
      <translation>&amp;Municipality view</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/controller.py" line="199" />
      <source>&amp;Reset the demo</source>
      <translation>&amp;Reset the demo</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/controller.py" line="347" />
      <source>Reset the demo?</source>
      <translation>Reset the demo?</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/controller.py" line="348" />
      <source>Everything written in the demo is removed: drafts, notifications and what the municipality received. The training cases stay.</source>
      <translation>Everything written in the demo is removed: drafts, notifications and what the municipality received. The training cases stay.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/controller.py" line="354" />
      <source>&amp;Reset</source>
      <translation>&amp;Reset</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/controller.py" line="356" />
      <source>&amp;Keep it</source>
      <translation>&amp;Keep it</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/story_panel.py" line="48" />
      <source>The case</source>
      <translation>The case</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/story_panel.py" line="49" />
      <source>The case story</source>
      <translation>The case story</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/story_panel.py" line="52" />
      <source>Your role: %1, %2.</source>
      <translation>Your role: %1, %2.</translation>
    </message>
  </context>
  <context>
    <name>DemoBanner</name>
    <message>
      <location filename="../desktop/ui/demo/banner.py" line="47" />
      <source>DEMO – fictitious data only. Nothing is sent to a real municipality.</source>
      <translation>DEMO – fictitious data only. Nothing is sent to a real municipality.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/banner.py" line="48" />
      <source>Demo mode</source>
      <translation>Demo mode</translation>
    </message>
  </context>
  <context>
    <name>DemoMessages</name>
    <message>
      <location filename="../desktop/ui/demo/controller.py" line="42" />
      <source>Demo mode is switched off on this PC by your organisation's settings.</source>
      <translation>Demo mode is switched off on this PC by your organisation's settings.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/controller.py" line="44" />
      <source>Demo mode only sends to its own built-in test receiver on this PC. Nothing was sent.</source>
      <translation>Demo mode only sends to its own built-in test receiver on this PC. Nothing was sent.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/controller.py" line="46" />
      <source>Demo mode could not start. Please try again, or restart the PC.</source>
      <translation>Demo mode could not start. Please try again, or restart the PC.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/controller.py" line="48" />
      <source>A training case file is damaged and cannot be used.</source>
      <translation>A training case file is damaged and cannot be used.</translation>
    </message>
  </context>
  <context>
    <name>FeedbackWindow</name>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="80" />
      <source>How did it go?</source>
      <translation>How did it go?</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="90" />
      <source>To talk about</source>
      <translation>To talk about</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="93" />
      <source>None – well done.</source>
      <translation>None – well done.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="94" />
      <source>None.</source>
      <translation>None.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="83" />
      <source>You found %1 of %2 signs in “%3”.</source>
      <translation>You found %1 of %2 signs in “%3”.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="86" />
      <source>Signs you marked</source>
      <translation>Signs you marked</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="87" />
      <source>Signs you missed</source>
      <translation>Signs you missed</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="88" />
      <source>Other signs you marked</source>
      <translation>Other signs you marked</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="89" />
      <source>Other signs are not wrong: talk about why you saw them.</source>
      <translation>Other signs are not wrong: talk about why you saw them.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="92" />
      <source>None of the expected signs.</source>
      <translation>None of the expected signs.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="102" />
      <source>Feedback on the signs</source>
      <translation>Feedback on the signs</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="105" />
      <source>&amp;What the municipality received</source>
      <translation>&amp;What the municipality received</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="106" />
      <source>What the municipality received</source>
      <translation>What the municipality received</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="107" />
      <source>&amp;Close</source>
      <translation>&amp;Close</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="108" />
      <source>Close</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="118" />
      <source>Delivered to Demo Kommune: reference %1, received %2.</source>
      <translation>Delivered to Demo Kommune: reference %1, received %2.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="121" />
      <source>The demo delivery did not go through: %1</source>
      <translation>The demo delivery did not go through: %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="123" />
      <source>Sending to Demo Kommune…</source>
      <translation>Sending to Demo Kommune…</translation>
    </message>
  </context>
  <context>
    <name>MunicipalityView</name>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="88" />
      <source>Municipality view – Demo Kommune</source>
      <translation>Municipality view – Demo Kommune</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="89" />
      <source>This is what Demo Kommune's children's services received, opened with the municipality's key. In real life only the municipality can read it.</source>
      <translation>This is what Demo Kommune's children's services received, opened with the municipality's key. In real life only the municipality can read it.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="91" />
      <source>&amp;Received notifications</source>
      <translation>&amp;Received notifications</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="92" />
      <source>Received notifications</source>
      <translation>Received notifications</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="93" />
      <source>The notification as the municipality reads it</source>
      <translation>The notification as the municipality reads it</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="94" />
      <source>Confirmation of delivery</source>
      <translation>Confirmation of delivery</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="95" />
      <source>&amp;Refresh</source>
      <translation>&amp;Refresh</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="96" />
      <source>Refresh</source>
      <translation>Refresh</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="97" />
      <source>&amp;Close</source>
      <translation>&amp;Close</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="98" />
      <source>Close</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="119" />
      <source>Nothing has arrived yet. File a notification in the demo, and it appears here once it has been delivered.</source>
      <translation>Nothing has arrived yet. File a notification in the demo, and it appears here once it has been delivered.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="143" />
      <source>valid</source>
      <translation>valid</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="143" />
      <source>NOT valid</source>
      <translation>NOT valid</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="145" />
      <source>Reference</source>
      <translation>Reference</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="146" />
      <source>Received at</source>
      <translation>Received at</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="147" />
      <source>Sender's key</source>
      <translation>Sender's key</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="148" />
      <source>Sender's signature</source>
      <translation>Sender's signature</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="150" />
      <source>Confirmation of delivery sent to the notifier</source>
      <translation>Confirmation of delivery sent to the notifier</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="164" />
      <source>This envelope could not be opened with the demo key:</source>
      <translation>This envelope could not be opened with the demo key:</translation>
    </message>
  </context>
  <context>
    <name>ScenarioPicker</name>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="75" />
      <source>unborn child</source>
      <translation>unborn child</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="76" />
      <source>0–2 years</source>
      <translation>0–2 years</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="77" />
      <source>3–5 years</source>
      <translation>3–5 years</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="78" />
      <source>6–12 years</source>
      <translation>6–12 years</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="79" />
      <source>13–17 years</source>
      <translation>13–17 years</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="84" />
      <source>Choose a training case</source>
      <translation>Choose a training case</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="85" />
      <source>Pick a case, read the story, and file a notification as you would at work. Afterwards you see which signs you found.</source>
      <translation>Pick a case, read the story, and file a notification as you would at work. Afterwards you see which signs you found.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="87" />
      <source>&amp;Training cases</source>
      <translation>&amp;Training cases</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="88" />
      <source>The &amp;case</source>
      <translation>The &amp;case</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="89" />
      <source>Training cases</source>
      <translation>Training cases</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="90" />
      <source>The case story</source>
      <translation>The case story</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="91" />
      <source>&amp;Start this case</source>
      <translation>&amp;Start this case</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="92" />
      <source>Start this case</source>
      <translation>Start this case</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="93" />
      <location filename="../desktop/ui/demo/picker.py" line="94" />
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
  </context>
</TS>
