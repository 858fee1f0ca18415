<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
  <context>
    <name>Demo</name>
    <message>
      <location filename="../desktop/ui/demo/controller.py" line="184" />
      <source>&amp;Training cases…</source>
      <extracomment>How long to gather changes before asking the outbox to try (draft saves come in bursts).</extracomment>
      <translation>&amp;Training cases…</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/controller.py" line="185" />
      <source>&amp;Municipality view</source>
      <translation>&amp;Municipality view</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/controller.py" line="186" />
      <source>&amp;Reset the demo</source>
      <translation>&amp;Reset the demo</translation>
    </message>
  </context>
  <context>
    <name>DemoBanner</name>
    <message>
      <location filename="../desktop/ui/demo/banner.py" line="26" />
      <source>DEMO – fictitious data only. Nothing is sent to a real municipality.</source>
      <translation>DEMO – fictitious data only. Nothing is sent to a real municipality.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/banner.py" line="27" />
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
      <location filename="../desktop/ui/demo/feedback.py" line="78" />
      <source>How did it go?</source>
      <translation>How did it go?</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="81" />
      <source>You found %1 of %2 signals in “%3”.</source>
      <translation>You found %1 of %2 signals in “%3”.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="84" />
      <source>Signals you marked</source>
      <translation>Signals you marked</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="85" />
      <source>Signals you missed</source>
      <translation>Signals you missed</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="86" />
      <source>Other signals you marked</source>
      <translation>Other signals you marked</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="87" />
      <source>Other signals are not wrong: talk about why you saw them.</source>
      <translation>Other signals are not wrong: talk about why you saw them.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="88" />
      <source>To talk about</source>
      <translation>To talk about</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="90" />
      <source>None of the expected signals.</source>
      <translation>None of the expected signals.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="91" />
      <source>None – well done.</source>
      <translation>None – well done.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="92" />
      <source>None.</source>
      <translation>None.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="100" />
      <source>Feedback on the signals</source>
      <translation>Feedback on the signals</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="101" />
      <source>&amp;What the municipality received</source>
      <translation>&amp;What the municipality received</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="102" />
      <source>What the municipality received</source>
      <translation>What the municipality received</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="103" />
      <source>&amp;Close</source>
      <translation>&amp;Close</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="104" />
      <source>Close</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="114" />
      <source>Delivered to Demo Kommune. Receipt: reference %1, received %2.</source>
      <translation>Delivered to Demo Kommune. Receipt: reference %1, received %2.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="117" />
      <source>The demo delivery did not go through: %1</source>
      <translation>The demo delivery did not go through: %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="119" />
      <source>Sending to Demo Kommune…</source>
      <translation>Sending to Demo Kommune…</translation>
    </message>
  </context>
  <context>
    <name>MunicipalityView</name>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="85" />
      <source>Municipality view – Demo Kommune</source>
      <translation>Municipality view – Demo Kommune</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="86" />
      <source>This is what Demo Kommune's children's services received, opened with the municipality's key. In real life only the municipality can read it.</source>
      <translation>This is what Demo Kommune's children's services received, opened with the municipality's key. In real life only the municipality can read it.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="88" />
      <source>&amp;Received notifications</source>
      <translation>&amp;Received notifications</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="89" />
      <source>Received notifications</source>
      <translation>Received notifications</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="90" />
      <source>The notification as the municipality reads it</source>
      <translation>The notification as the municipality reads it</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="91" />
      <source>Receipt</source>
      <translation>Receipt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="92" />
      <source>&amp;Refresh</source>
      <translation>&amp;Refresh</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="93" />
      <source>Refresh</source>
      <translation>Refresh</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="94" />
      <source>&amp;Close</source>
      <translation>&amp;Close</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="95" />
      <source>Close</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="116" />
      <source>Nothing has arrived yet. File a notification in the demo, and it appears here once it has been delivered.</source>
      <translation>Nothing has arrived yet. File a notification in the demo, and it appears here once it has been delivered.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="140" />
      <source>valid</source>
      <translation>valid</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="140" />
      <source>NOT valid</source>
      <translation>NOT valid</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="142" />
      <source>Reference</source>
      <translation>Reference</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="143" />
      <source>Received at</source>
      <translation>Received at</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="144" />
      <source>Sender's key</source>
      <translation>Sender's key</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="145" />
      <source>Sender's signature</source>
      <translation>Sender's signature</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="147" />
      <source>Receipt sent to the notifier</source>
      <translation>Receipt sent to the notifier</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="155" />
      <source>This envelope could not be opened with the demo key:</source>
      <translation>This envelope could not be opened with the demo key:</translation>
    </message>
  </context>
  <context>
    <name>ScenarioPicker</name>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="72" />
      <source>unborn child</source>
      <translation>unborn child</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="73" />
      <source>0–2 years</source>
      <translation>0–2 years</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="74" />
      <source>3–5 years</source>
      <translation>3–5 years</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="75" />
      <source>6–12 years</source>
      <translation>6–12 years</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="76" />
      <source>13–17 years</source>
      <translation>13–17 years</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="81" />
      <source>Choose a training case</source>
      <translation>Choose a training case</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="82" />
      <source>Pick a case, read the story, and file a notification as you would at work. Afterwards you see which signals you found.</source>
      <translation>Pick a case, read the story, and file a notification as you would at work. Afterwards you see which signals you found.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="84" />
      <source>&amp;Training cases</source>
      <translation>&amp;Training cases</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="85" />
      <source>The &amp;case</source>
      <translation>The &amp;case</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="86" />
      <source>Training cases</source>
      <translation>Training cases</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="87" />
      <source>The case story</source>
      <translation>The case story</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="88" />
      <source>&amp;Start this case</source>
      <translation>&amp;Start this case</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="89" />
      <source>Start this case</source>
      <translation>Start this case</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="90" />
      <location filename="../desktop/ui/demo/picker.py" line="91" />
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
  </context>
</TS>
