<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
  <context>
    <name>AssessmentDialog</name>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="33" />
      <source>24-hour assessment</source>
      <extracomment>The § 137 outcomes the desk can tell a professional notifier.</extracomment>
      <translation>24-hour assessment</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="34" />
      <source>Assess whether %1's health or development is in danger and whether acute measures are needed.</source>
      <translation>Assess whether %1's health or development is in danger and whether acute measures are needed.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="37" />
      <source>&amp;No immediate danger</source>
      <translation>&amp;No immediate danger</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="38" />
      <source>No immediate danger</source>
      <translation>No immediate danger</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="39" />
      <source>&amp;Acute measures taken</source>
      <translation>&amp;Acute measures taken</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="40" />
      <source>Acute measures taken</source>
      <translation>Acute measures taken</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="46" />
      <source>Note on the assessment</source>
      <translation>Note on the assessment</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="48" />
      <source>N&amp;ote (kept in this desk only)</source>
      <translation>N&amp;ote (kept in this desk only)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="53" />
      <source>&amp;Record assessment</source>
      <translation>&amp;Record assessment</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="54" />
      <source>Record assessment</source>
      <translation>Record assessment</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="56" />
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="62" />
      <source>What did the assessment find?</source>
      <translation>What did the assessment find?</translation>
    </message>
  </context>
  <context>
    <name>DailySummaryDialog</name>
    <message>
      <location filename="../desktop/ui/desk/summary_dialog.py" line="43" />
      <source>Daily summary</source>
      <translation>Daily summary</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/summary_dialog.py" line="48" />
      <source>Notifications not assessed within 24 hours</source>
      <translation>Notifications not assessed within 24 hours</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/summary_dialog.py" line="55" />
      <source>Envelopes that could not be opened</source>
      <translation>Envelopes that could not be opened</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/summary_dialog.py" line="58" />
      <source>Close</source>
      <translation>Close</translation>
    </message>
    <message numerus="yes">
      <location filename="../desktop/ui/desk/summary_dialog.py" line="96" />
      <source>%n envelope(s) could not be opened:</source>
      <translation>
        <numerusform>%n envelope could not be opened:</numerusform>
        <numerusform>%n envelopes could not be opened:</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/summary_dialog.py" line="98" />
      <source>Number %1 at the intake: %2</source>
      <translation>Number %1 at the intake: %2</translation>
    </message>
    <message numerus="yes">
      <location filename="../desktop/ui/desk/summary_dialog.py" line="103" />
      <source>%n notification(s) not assessed within 24 hours:</source>
      <translation>
        <numerusform>%n notification not assessed within 24 hours:</numerusform>
        <numerusform>%n notifications not assessed within 24 hours:</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/summary_dialog.py" line="105" />
      <source>Every notification received more than 24 hours ago is assessed.</source>
      <translation>Every notification received more than 24 hours ago is assessed.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/summary_dialog.py" line="73" />
      <source>ACUTE</source>
      <extracomment>The notification id of each line of ``list``, in its order.</extracomment>
      <translation>ACUTE</translation>
    </message>
  </context>
  <context>
    <name>DeskCounts</name>
    <message numerus="yes">
      <location filename="../desktop/ui/desk/wording.py" line="24" />
      <source>%n month(s)</source>
      <translation>
        <numerusform>%n month</numerusform>
        <numerusform>%n months</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../desktop/ui/desk/wording.py" line="27" />
      <source>%n year(s)</source>
      <translation>
        <numerusform>%n year</numerusform>
        <numerusform>%n years</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../desktop/ui/desk/wording.py" line="30" />
      <source>%n day(s)</source>
      <translation>
        <numerusform>%n day</numerusform>
        <numerusform>%n days</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>DeskUnlockWindow</name>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="76" />
      <source>Underret – receiving desk</source>
      <extracomment>How a new desk's key is kept when IT's policy says (``key_protection``); None: the person chooses.</extracomment>
      <translation>Underret – receiving desk</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="84" />
      <source>Desk</source>
      <translation>Desk</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="87" />
      <source>Name of this desk</source>
      <translation>Name of this desk</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="91" />
      <source>Passphrase</source>
      <translation>Passphrase</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="95" />
      <source>Passphrase again</source>
      <translation>Passphrase again</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="96" />
      <source>&amp;Keep the key in this PC's saved passwords instead</source>
      <translation>&amp;Keep the key in this PC's saved passwords instead</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="126" />
      <source>Set up the receiving desk on this PC</source>
      <translation>Set up the receiving desk on this PC</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="127" />
      <source>&amp;Name of this desk</source>
      <translation>&amp;Name of this desk</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="128" />
      <location filename="../desktop/ui/desk/unlock_window.py" line="147" />
      <source>&amp;Passphrase</source>
      <translation>&amp;Passphrase</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="129" />
      <source>Passphrase &amp;again</source>
      <translation>Passphrase &amp;again</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="137" />
      <source>Set by your municipality's IT</source>
      <translation>Set by your municipality's IT</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="138" />
      <source>&amp;Create the desk</source>
      <translation>&amp;Create the desk</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="139" />
      <source>Create the desk</source>
      <translation>Create the desk</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="142" />
      <source>Unlock the receiving desk</source>
      <translation>Unlock the receiving desk</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="146" />
      <source>&amp;Desk</source>
      <translation>&amp;Desk</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="149" />
      <source>&amp;Unlock</source>
      <translation>&amp;Unlock</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="150" />
      <source>Unlock</source>
      <translation>Unlock</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="180" />
      <source>Give the desk a name.</source>
      <translation>Give the desk a name.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="187" />
      <source>The passphrase must be at least %1 characters.</source>
      <translation>The passphrase must be at least %1 characters.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="192" />
      <source>The two passphrases are not the same.</source>
      <translation>The two passphrases are not the same.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="199" />
      <source>Opening…</source>
      <translation>Opening…</translation>
    </message>
  </context>
  <context>
    <name>DeskWording</name>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="46" />
      <source>May need special support</source>
      <translation>May need special support</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="47" />
      <source>Unborn child</source>
      <translation>Unborn child</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="48" />
      <source>Unlawful school absence</source>
      <translation>Unlawful school absence</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="49" />
      <source>Abuse</source>
      <translation>Abuse</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="57" />
      <source>Support (no. 1)</source>
      <translation>Support (no. 1)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="58" />
      <source>Unborn (no. 2)</source>
      <translation>Unborn (no. 2)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="59" />
      <source>Absence (no. 3)</source>
      <translation>Absence (no. 3)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="60" />
      <source>Abuse (no. 4)</source>
      <translation>Abuse (no. 4)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="74" />
      <location filename="../desktop/ui/desk/wording.py" line="85" />
      <source>unborn</source>
      <translation>unborn</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="79" />
      <source>age unknown</source>
      <translation>age unknown</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="124" />
      <source>Monday</source>
      <translation>Monday</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="124" />
      <source>Tuesday</source>
      <translation>Tuesday</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="125" />
      <source>Wednesday</source>
      <translation>Wednesday</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="125" />
      <source>Thursday</source>
      <translation>Thursday</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="126" />
      <source>Friday</source>
      <translation>Friday</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="126" />
      <source>Saturday</source>
      <translation>Saturday</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="127" />
      <source>Sunday</source>
      <translation>Sunday</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="128" />
      <source>by %1 %2</source>
      <translation>by %1 %2</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="141" />
      <source>%1 h</source>
      <translation>%1 h</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="143" />
      <source>%1 h %2 min</source>
      <translation>%1 h %2 min</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="145" />
      <source>%1 min</source>
      <translation>%1 min</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="147" />
      <source>overdue by %1</source>
      <translation>overdue by %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="148" />
      <source>in %1</source>
      <translation>in %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="166" />
      <source>Opened</source>
      <translation>Opened</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="167" />
      <source>Assessed</source>
      <translation>Assessed</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="168" />
      <source>Receipt sent</source>
      <translation>Receipt sent</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="169" />
      <source>Told of the outcome</source>
      <translation>Told of the outcome</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="170" />
      <source>Handed over</source>
      <translation>Handed over</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="177" />
      <source>Teacher</source>
      <translation>Teacher</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="178" />
      <source>Educator</source>
      <translation>Educator</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="179" />
      <source>Health staff</source>
      <translation>Health staff</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="180" />
      <source>Social worker / PPR</source>
      <translation>Social worker / PPR</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="181" />
      <source>Leader</source>
      <translation>Leader</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="182" />
      <source>Other</source>
      <translation>Other</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="191" />
      <source>Notification no. %1 about this child (no. %2 in 12 months)</source>
      <translation>Notification no. %1 about this child (no. %2 in 12 months)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="193" />
      <source>Notification no. %1 about this child in 12 months</source>
      <translation>Notification no. %1 about this child in 12 months</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="203" />
      <source>Not assessed</source>
      <translation>Not assessed</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="209" />
      <source>The intake cannot be reached just now. Nothing was lost; try again in a moment.</source>
      <translation>The intake cannot be reached just now. Nothing was lost; try again in a moment.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="211" />
      <source>The intake does not accept this desk. Ask IT for a new enrolment token.</source>
      <translation>The intake does not accept this desk. Ask IT for a new enrolment token.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="213" />
      <source>This desk is not set up yet: choose Set up desk.</source>
      <translation>This desk is not set up yet: choose Set up desk.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="214" />
      <source>Enter your initials under Set up desk first.</source>
      <translation>Enter your initials under Set up desk first.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="215" />
      <source>Initials are one to six letters.</source>
      <translation>Initials are one to six letters.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="216" />
      <source>Another caseworker did this first.</source>
      <translation>Another caseworker did this first.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="217" />
      <source>This notification was sent by an older version of Underret that cannot receive a receipt. Send the receipt by letter or secure mail.</source>
      <translation>This notification was sent by an older version of Underret that cannot receive a receipt. Send the receipt by letter or secure mail.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="220" />
      <source>The key that signs receipts has not been imported. Import it under Set up desk.</source>
      <translation>The key that signs receipts has not been imported. Import it under Set up desk.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="222" />
      <source>Enter the unit's name under Set up desk first.</source>
      <translation>Enter the unit's name under Set up desk first.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="223" />
      <source>Send the receipt first; the outcome (§ 137) can be told after it.</source>
      <translation>Send the receipt first; the outcome (§ 137) can be told after it.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="273" />
      <source>The intake's confirmation of delivery does not verify: ask IT to check the intake.</source>
      <translation>The intake's confirmation of delivery does not verify: ask IT to check the intake.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="276" />
      <source>The intake's confirmation of delivery is for another envelope.</source>
      <translation>The intake's confirmation of delivery is for another envelope.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="278" />
      <source>The intake's confirmation of delivery is damaged.</source>
      <translation>The intake's confirmation of delivery is damaged.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="225" />
      <source>This version of the desk cannot send messages to notifiers yet.</source>
      <translation>This version of the desk cannot send messages to notifiers yet.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="227" />
      <source>This file is not a key the desk can use.</source>
      <translation>This file is not a key the desk can use.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="228" />
      <source>This is a public key. The desk needs the private key file from IT.</source>
      <translation>This is a public key. The desk needs the private key file from IT.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="230" />
      <source>The desk already holds another key with this id.</source>
      <translation>The desk already holds another key with this id.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="231" />
      <source>Choose a new or empty folder.</source>
      <translation>Choose a new or empty folder.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="232" />
      <source>Choose a folder.</source>
      <translation>Choose a folder.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="233" />
      <source>Choose a folder of your own.</source>
      <translation>Choose a folder of your own.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="234" />
      <source>The folder cannot be written to.</source>
      <translation>The folder cannot be written to.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="235" />
      <source>The hand-over could not be written; what was written has been removed again.</source>
      <translation>The hand-over could not be written; what was written has been removed again.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="237" />
      <location filename="../desktop/ui/desk/wording.py" line="239" />
      <source>This notification cannot be exported for the case system. Print it instead.</source>
      <translation>This notification cannot be exported for the case system. Print it instead.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="241" />
      <source>This notification holds a file Underret never sends, so it is not handed over. Ask IT to look at it.</source>
      <translation>This notification holds a file Underret never sends, so it is not handed over. Ask IT to look at it.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="244" />
      <source>The files are not a desk certificate and its private key.</source>
      <translation>The files are not a desk certificate and its private key.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="246" />
      <source>The intake address must start with https://.</source>
      <translation>The intake address must start with https://.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="247" />
      <source>The intake's certificate could not be checked. If the municipality uses its own CA, give its CA certificate file from IT.</source>
      <translation>The intake's certificate could not be checked. If the municipality uses its own CA, give its CA certificate file from IT.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="250" />
      <source>No intake answers at this address. Check the address with IT.</source>
      <translation>No intake answers at this address. Check the address with IT.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="253" />
      <source>Something went wrong (%1).</source>
      <translation>Something went wrong (%1).</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="260" />
      <source>None of this desk's keys fits: import the municipality's newer key.</source>
      <translation>None of this desk's keys fits: import the municipality's newer key.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="262" />
      <source>The key with this id does not open it.</source>
      <translation>The key with this id does not open it.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="263" />
      <source>A key in this desk is damaged.</source>
      <translation>A key in this desk is damaged.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="264" />
      <source>The sender's signature does not match: the envelope was changed on the way.</source>
      <translation>The sender's signature does not match: the envelope was changed on the way.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="266" />
      <location filename="../desktop/ui/desk/wording.py" line="267" />
      <source>The envelope is damaged.</source>
      <translation>The envelope is damaged.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="268" />
      <source>The envelope's files do not match its list.</source>
      <translation>The envelope's files do not match its list.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="269" />
      <source>A file in the envelope was changed.</source>
      <translation>A file in the envelope was changed.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="270" />
      <source>This is not an envelope Underret can read.</source>
      <translation>This is not an envelope Underret can read.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="271" />
      <source>The envelope is from a newer version of Underret: update the desk.</source>
      <translation>The envelope is from a newer version of Underret: update the desk.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="279" />
      <source>The envelope holds another notification.</source>
      <translation>The envelope holds another notification.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="280" />
      <source>The notification inside cannot be read.</source>
      <translation>The notification inside cannot be read.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="281" />
      <source>It holds a file Underret never sends (it may be a program): ask IT to look at it.</source>
      <translation>It holds a file Underret never sends (it may be a program): ask IT to look at it.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="285" />
      <source>It cannot be opened (%1).</source>
      <translation>It cannot be opened (%1).</translation>
    </message>
  </context>
  <context>
    <name>InboxModel</name>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="76" />
      <source>Received</source>
      <extracomment>Role carrying the notification id of a row. Role carrying whether a row needs attention now (acute unassessed, or a deadline passed). Every role :meth:`InboxModel.data` answers.</extracomment>
      <translation>Received</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="76" />
      <source>Child</source>
      <translation>Child</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="77" />
      <source>Notifier</source>
      <translation>Notifier</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="77" />
      <source>Grounds</source>
      <translation>Grounds</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="174" />
      <source>ACUTE – %1</source>
      <translation>ACUTE – %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="183" />
      <source>Done %1 (%2)</source>
      <translation>Done %1 (%2)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="188" />
      <source>Sent %1 (%2)</source>
      <translation>Sent %1 (%2)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="78" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="77" />
      <source>Assess by</source>
      <translation>Assess by</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="78" />
      <source>Receipt by</source>
      <translation>Receipt by</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="195" />
      <source>Handed over</source>
      <translation>Handed over</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="197" />
      <source>Receipt sent</source>
      <translation>Receipt sent</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="199" />
      <source>Assessed</source>
      <translation>Assessed</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="201" />
      <source>Opened by %1</source>
      <translation>Opened by %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="202" />
      <source>New</source>
      <translation>New</translation>
    </message>
  </context>
  <context>
    <name>InboxWindow</name>
    <message>
      <location filename="../desktop/ui/desk/inbox_window.py" line="73" />
      <source>Received notifications, most urgent first</source>
      <translation>Received notifications, most urgent first</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_window.py" line="108" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_window.py" line="109" />
      <source>&amp;Fetch new</source>
      <translation>&amp;Fetch new</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_window.py" line="110" />
      <source>Fetch new notifications</source>
      <translation>Fetch new notifications</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_window.py" line="112" />
      <source>&amp;Daily summary</source>
      <translation>&amp;Daily summary</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_window.py" line="113" />
      <source>Daily summary</source>
      <translation>Daily summary</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_window.py" line="115" />
      <source>Yearly &amp;report…</source>
      <translation>Yearly &amp;report…</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_window.py" line="116" />
      <source>Yearly report</source>
      <translation>Yearly report</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_window.py" line="118" />
      <source>&amp;Set up desk…</source>
      <translation>&amp;Set up desk…</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_window.py" line="119" />
      <source>Set up desk</source>
      <translation>Set up desk</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_window.py" line="133" />
      <source>Fetch new</source>
      <translation>Fetch new</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_window.py" line="137" />
      <source>Underret – receiving desk</source>
      <translation>Underret – receiving desk</translation>
    </message>
    <message numerus="yes">
      <location filename="../desktop/ui/desk/inbox_window.py" line="187" />
      <source>%n notification(s) not assessed within 24 hours.</source>
      <translation>
        <numerusform>%n notification not assessed within 24 hours.</numerusform>
        <numerusform>%n notifications not assessed within 24 hours.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../desktop/ui/desk/inbox_window.py" line="194" />
      <source>%n envelope(s) could not be opened. Import the missing key under Set up desk, or ask IT.</source>
      <translation>
        <numerusform>%n envelope could not be opened. Import the missing key under Set up desk, or ask IT.</numerusform>
        <numerusform>%n envelopes could not be opened. Import the missing key under Set up desk, or ask IT.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_window.py" line="264" />
      <source>Fetching…</source>
      <translation>Fetching…</translation>
    </message>
    <message numerus="yes">
      <location filename="../desktop/ui/desk/inbox_window.py" line="272" />
      <source>Fetched at %1: %n new</source>
      <translation>
        <numerusform>Fetched at %1: %n new</numerusform>
        <numerusform>Fetched at %1: %n new</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>NotificationWindow</name>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="125" />
      <source>Earlier notifications</source>
      <extracomment>Lines of earlier notifications shown before the list scrolls.</extracomment>
      <translation>Earlier notifications</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="139" />
      <source>Message</source>
      <translation>Message</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="140" />
      <source>&amp;Assess (24 hours)…</source>
      <translation>&amp;Assess (24 hours)…</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="142" />
      <source>Tell the &amp;outcome (§ 137)…</source>
      <translation>Tell the &amp;outcome (§ 137)…</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="143" />
      <source>&amp;Hand over to the case system…</source>
      <translation>&amp;Hand over to the case system…</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="144" />
      <source>&amp;Close</source>
      <translation>&amp;Close</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="145" />
      <source>Record the 24-hour assessment</source>
      <translation>Record the 24-hour assessment</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="141" />
      <source>Send &amp;receipt</source>
      <translation>Send &amp;receipt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="146" />
      <source>Send the receipt to the notifier</source>
      <translation>Send the receipt to the notifier</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="147" />
      <source>Tell the notifier the outcome</source>
      <translation>Tell the notifier the outcome</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="148" />
      <source>Hand over to the case system</source>
      <translation>Hand over to the case system</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="161" />
      <source>The notification</source>
      <translation>The notification</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="174" />
      <source>Notification</source>
      <translation>Notification</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="196" />
      <source>Siblings have been notified about before</source>
      <translation>Siblings have been notified about before</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="199" />
      <source>About siblings:</source>
      <translation>About siblings:</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="209" />
      <source>no CPR number</source>
      <translation>no CPR number</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="212" />
      <source>ACUTE</source>
      <translation>ACUTE</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="213" />
      <source>Received %1 (reference %2)</source>
      <translation>Received %1 (reference %2)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="215" />
      <source>Notifier: %1, %2, %3</source>
      <translation>Notifier: %1, %2, %3</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="217" />
      <source>Grounds: %1</source>
      <translation>Grounds: %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="218" />
      <source>Assessment within 24 hours</source>
      <translation>Assessment within 24 hours</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="220" />
      <source>Receipt within six working days</source>
      <translation>Receipt within six working days</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="294" />
      <source>The receipt is sent to the notifier.</source>
      <translation>The receipt is sent to the notifier.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="228" />
      <source>Your assessment note: %1</source>
      <translation>Your assessment note: %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="245" />
      <source>done (%1)</source>
      <translation>done (%1)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="253" />
      <source>(later)</source>
      <translation>(later)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="262" />
      <source>Working…</source>
      <translation>Working…</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="286" />
      <source>The assessment is recorded.</source>
      <translation>The assessment is recorded.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="305" />
      <source>The notifier will be told the outcome.</source>
      <translation>The notifier will be told the outcome.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="312" />
      <source>Choose a new or empty folder for the case system</source>
      <translation>Choose a new or empty folder for the case system</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="317" />
      <source>Handed over: the files are in %1.</source>
      <translation>Handed over: the files are in %1.</translation>
    </message>
  </context>
  <context>
    <name>OrientationDialog</name>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="92" />
      <source>Tell the notifier the outcome (§ 137)</source>
      <translation>Tell the notifier the outcome (§ 137)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="93" />
      <source>A professional notifier must be told whether the notification led to an investigation or support. Do not send this if it would harm the child.</source>
      <translation>A professional notifier must be told whether the notification led to an investigation or support. Do not send this if it would harm the child.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="97" />
      <source>An &amp;investigation of the child's situation has been started</source>
      <translation>An &amp;investigation of the child's situation has been started</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="98" />
      <source>The child or family is given &amp;support</source>
      <translation>The child or family is given &amp;support</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="99" />
      <source>The notification has led to &amp;no measures</source>
      <translation>The notification has led to &amp;no measures</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="105" />
      <source>What has the notification led to?</source>
      <translation>What has the notification led to?</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="120" />
      <source>&amp;Send to the notifier</source>
      <translation>&amp;Send to the notifier</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="121" />
      <source>Send to the notifier</source>
      <translation>Send to the notifier</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="123" />
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
  </context>
  <context>
    <name>ReportDialog</name>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="42" />
      <source>Yearly report for the council</source>
      <translation>Yearly report for the council</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="43" />
      <source>Figures on how notifications were handled, for the municipal council's yearly follow-up. The report holds no personal data; counts under 5 are shown as &lt;5.</source>
      <translation>Figures on how notifications were handled, for the municipal council's yearly follow-up. The report holds no personal data; counts under 5 are shown as &lt;5.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="51" />
      <source>First day of the period</source>
      <translation>First day of the period</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="55" />
      <source>Last day of the period</source>
      <translation>Last day of the period</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="58" />
      <source>Danish</source>
      <translation>Danish</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="59" />
      <source>English</source>
      <translation>English</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="60" />
      <source>Language of the report</source>
      <translation>Language of the report</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="62" />
      <source>&amp;From</source>
      <translation>&amp;From</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="63" />
      <source>&amp;To</source>
      <translation>&amp;To</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="64" />
      <source>&amp;Language</source>
      <translation>&amp;Language</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="65" />
      <source>Save as &amp;PDF…</source>
      <translation>Save as &amp;PDF…</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="66" />
      <source>Save as PDF</source>
      <translation>Save as PDF</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="68" />
      <source>Save as &amp;CSV…</source>
      <translation>Save as &amp;CSV…</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="69" />
      <source>Save as CSV</source>
      <translation>Save as CSV</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="71" />
      <location filename="../desktop/ui/desk/report_dialog.py" line="72" />
      <source>Close</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="95" />
      <source>The period ends before it starts.</source>
      <translation>The period ends before it starts.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="98" />
      <source>Save the report</source>
      <translation>Save the report</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="102" />
      <source>The municipality</source>
      <translation>The municipality</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="117" />
      <source>Making the report…</source>
      <translation>Making the report…</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="119" />
      <source>The file could not be written.</source>
      <translation>The file could not be written.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="122" />
      <source>Saved: %1</source>
      <translation>Saved: %1</translation>
    </message>
  </context>
  <context>
    <name>SetupDialog</name>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="47" />
      <source>Set up desk</source>
      <translation>Set up desk</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="51" />
      <source>Your initials</source>
      <translation>Your initials</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="55" />
      <source>The unit's name, shown to notifiers</source>
      <translation>The unit's name, shown to notifiers</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="56" />
      <source>Sa&amp;ve</source>
      <translation>Sa&amp;ve</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="57" />
      <source>Save initials and unit</source>
      <translation>Save initials and unit</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="59" />
      <source>Who works here</source>
      <translation>Who works here</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="61" />
      <source>&amp;Initials</source>
      <translation>&amp;Initials</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="62" />
      <source>&amp;Unit</source>
      <translation>&amp;Unit</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="67" />
      <source>The intake's address</source>
      <translation>The intake's address</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="70" />
      <source>The municipality's CA certificate file (optional)</source>
      <translation>The municipality's CA certificate file (optional)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="74" />
      <source>The enrolment token from IT</source>
      <translation>The enrolment token from IT</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="77" />
      <source>This desk's certificate file (instead of a token)</source>
      <translation>This desk's certificate file (instead of a token)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="80" />
      <source>The certificate's private key file</source>
      <translation>The certificate's private key file</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="81" />
      <source>&amp;Enrol with the intake</source>
      <translation>&amp;Enrol with the intake</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="82" />
      <source>Enrol with the intake</source>
      <translation>Enrol with the intake</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="84" />
      <source>The intake</source>
      <translation>The intake</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="86" />
      <source>A&amp;ddress</source>
      <translation>A&amp;ddress</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="87" />
      <source>&amp;CA certificate (PEM file)</source>
      <translation>&amp;CA certificate (PEM file)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="88" />
      <source>&amp;Token from IT</source>
      <translation>&amp;Token from IT</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="89" />
      <source>or desk ce&amp;rtificate (PEM file)</source>
      <translation>or desk ce&amp;rtificate (PEM file)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="90" />
      <source>and its &amp;key (PEM file)</source>
      <translation>and its &amp;key (PEM file)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="92" />
      <source>Import a &amp;key file…</source>
      <translation>Import a &amp;key file…</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="93" />
      <source>Import a key file</source>
      <translation>Import a key file</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="98" />
      <source>The municipality's keys</source>
      <translation>The municipality's keys</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="105" />
      <location filename="../desktop/ui/desk/setup_dialog.py" line="106" />
      <source>Close</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="121" />
      <source>none yet</source>
      <translation>none yet</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="122" />
      <source>Recipient keys: %1</source>
      <translation>Recipient keys: %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="123" />
      <source>Message-signing key: %1</source>
      <translation>Message-signing key: %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="125" />
      <source>Enrolled with %1</source>
      <translation>Enrolled with %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="135" />
      <source>Saved.</source>
      <translation>Saved.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="143" />
      <source>The CA certificate file cannot be read.</source>
      <translation>The CA certificate file cannot be read.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="157" />
      <source>The certificate or its key cannot be read.</source>
      <translation>The certificate or its key cannot be read.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="163" />
      <source>Give the token from IT, or this desk's certificate and its key.</source>
      <translation>Give the token from IT, or this desk's certificate and its key.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="166" />
      <source>Enrolling…</source>
      <translation>Enrolling…</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="171" />
      <source>This desk is enrolled. Fetch new notifications with F5.</source>
      <translation>This desk is enrolled. Fetch new notifications with F5.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="182" />
      <source>Choose a key file from IT</source>
      <translation>Choose a key file from IT</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="189" />
      <source>recipient key</source>
      <translation>recipient key</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="189" />
      <source>message-signing key</source>
      <translation>message-signing key</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="190" />
      <source>Imported %1 %2.</source>
      <translation>Imported %1 %2.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="190" />
      <source>The %1 %2 was already imported.</source>
      <translation>The %1 %2 was already imported.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="192" />
      <source>You may now remove the key file, as IT directs.</source>
      <translation>You may now remove the key file, as IT directs.</translation>
    </message>
  </context>
</TS>
