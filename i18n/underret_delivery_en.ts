<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
  <context>
    <name>Delivery</name>
    <message>
      <location filename="../desktop/ui/delivery/panel.py" line="65" />
      <source>Delivery of the selected notification</source>
      <translation>Delivery of the selected notification</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/panel.py" line="66" />
      <source>Send &amp;again</source>
      <translation>Send &amp;again</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/panel.py" line="67" />
      <source>Send the refused notification again</source>
      <translation>Send the refused notification again</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/panel.py" line="68" />
      <location filename="../desktop/ui/delivery/window.py" line="198" />
      <source>I have received the municipality's &amp;receipt</source>
      <extracomment>Waiting to be sent, as the list shows it (the Waiting tab's count). The listed notifications that raise an alert, worked out once per reload of the list. Notifications whose acknowledgement the person has noted (from the vault's audit log). Alerts the person has seen: (notification id, alert key), from the audit log.</extracomment>
      <translation>I have received the municipality's &amp;receipt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/panel.py" line="70" />
      <location filename="../desktop/ui/delivery/window.py" line="200" />
      <source>Note that the municipality has sent a receipt for the selected notification</source>
      <translation>Note that the municipality has sent a receipt for the selected notification</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="204" />
      <source>Send &amp;now</source>
      <translation>Send &amp;now</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="205" />
      <source>Try to send every waiting notification now (F9)</source>
      <translation>Try to send every waiting notification now (F9)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="208" />
      <source>Send waiting notifications now</source>
      <translation>Send waiting notifications now</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="211" />
      <source>Nothing waiting to be sent</source>
      <translation>Nothing waiting to be sent</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="213" />
      <source>1 notification waiting to be sent</source>
      <translation>1 notification waiting to be sent</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="215" />
      <source>%1 notifications waiting to be sent</source>
      <translation>%1 notifications waiting to be sent</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="264" />
      <source>The notification has been sent.</source>
      <translation>The notification has been sent.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="269" />
      <source>The municipality has received the notification about %1.</source>
      <translation>The municipality has received the notification about %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="271" />
      <source>The municipality has received the notification.</source>
      <translation>The municipality has received the notification.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="203" />
      <source>Send the refused notification &amp;again</source>
      <translation>Send the refused notification &amp;again</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="207" />
      <source>Send now (F9)</source>
      <translation>Send now (F9)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="261" />
      <source>The notification about %1 has been sent.</source>
      <translation>The notification about %1 has been sent.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="302" />
      <source>Underret: a notification needs you</source>
      <translation>Underret: a notification needs you</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="471" />
      <source>The notification is being sent again.</source>
      <translation>The notification is being sent again.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="479" />
      <source>Sending…</source>
      <translation>Sending…</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/quitting.py" line="57" />
      <source>Notifications are waiting to be sent</source>
      <translation>Notifications are waiting to be sent</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/quitting.py" line="59" />
      <source>1 notification has not been sent yet.</source>
      <translation>1 notification has not been sent yet.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/quitting.py" line="61" />
      <source>%1 notifications have not been sent yet.</source>
      <translation>%1 notifications have not been sent yet.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/quitting.py" line="63" />
      <source>They are kept safely on this PC and are sent the next time you open Underret while the PC is online. If the matter is urgent, phone the municipality.</source>
      <translation>They are kept safely on this PC and are sent the next time you open Underret while the PC is online. If the matter is urgent, phone the municipality.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/quitting.py" line="70" />
      <source>&amp;Quit anyway</source>
      <translation>&amp;Quit anyway</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/quitting.py" line="72" />
      <source>Quit anyway</source>
      <translation>Quit anyway</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/quitting.py" line="73" />
      <source>&amp;Keep Underret open</source>
      <translation>&amp;Keep Underret open</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/quitting.py" line="76" />
      <source>Keep Underret open</source>
      <translation>Keep Underret open</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="129" />
      <source>Phone %1 on %2 and give the reference number.</source>
      <extracomment>States that count as "waiting to be sent" (the Waiting tab and the count above the lists). Audit event the person records when the municipality's acknowledgement has arrived (by letter or mail). The colours the panel takes (a refusal or a late acknowledgement is a danger; waiting a notice). Refused: the person can put it back in the queue once the cause is fixed. Received or sent: the person can note that the municipality's acknowledgement came. Whether sending can run on this PC now (False: not set up): a notification a crash left "being sent" then waits, and is called waiting.</extracomment>
      <translation>Phone %1 on %2 and give the reference number.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="132" />
      <source>Phone children's services in %1 and give the reference number.</source>
      <translation>Phone children's services in %1 and give the reference number.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="134" />
      <source>Phone the municipality's children's services and give the reference number.</source>
      <translation>Phone the municipality's children's services and give the reference number.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="141" />
      <source>Phone %1 on %2 today and say that the notification could not be delivered; give them the facts by phone if the matter is urgent.</source>
      <translation>Phone %1 on %2 today and say that the notification could not be delivered; give them the facts by phone if the matter is urgent.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="144" />
      <source>Phone the municipality's children's services today and say that the notification could not be delivered; give them the facts by phone if the matter is urgent.</source>
      <translation>Phone the municipality's children's services today and say that the notification could not be delivered; give them the facts by phone if the matter is urgent.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="158" />
      <source>today %1</source>
      <translation>today %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="173" />
      <source>Waiting – not sent yet</source>
      <translation>Waiting – not sent yet</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="174" />
      <source>Waiting to be sent</source>
      <translation>Waiting to be sent</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="175" />
      <source>Being sent now</source>
      <translation>Being sent now</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="176" />
      <source>Refused – phone the municipality</source>
      <translation>Refused – phone the municipality</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="179" />
      <source>Sent by secure e-mail – content removed</source>
      <translation>Sent by secure e-mail – content removed</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="177" />
      <source>No receipt – phone the municipality</source>
      <translation>No receipt – phone the municipality</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="178" />
      <source>Receipt received</source>
      <translation>Receipt received</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="180" />
      <source>Sent, not yet confirmed as received</source>
      <translation>Sent, not yet confirmed as received</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="181" />
      <source>Sent by secure e-mail</source>
      <translation>Sent by secure e-mail</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="182" />
      <source>Received – content removed</source>
      <translation>Received – content removed</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="183" />
      <source>Received by the municipality</source>
      <translation>Received by the municipality</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="230" />
      <location filename="../desktop/ui/delivery/wording.py" line="357" />
      <location filename="../desktop/ui/delivery/wording.py" line="362" />
      <source>the municipality</source>
      <translation>the municipality</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="234" />
      <location filename="../desktop/ui/delivery/wording.py" line="251" />
      <source>Why: %1.</source>
      <translation>Why: %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="236" />
      <source>Next try: %1 (or choose “Send now”).</source>
      <translation>Next try: %1 (or choose “Send now”).</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="238" />
      <source>It is kept safely on this PC and is sent by itself as soon as it can be. If the matter is urgent, phone the municipality.</source>
      <translation>It is kept safely on this PC and is sent by itself as soon as it can be. If the matter is urgent, phone the municipality.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="242" />
      <source>Not sent yet – waiting to be sent to %1.</source>
      <translation>Not sent yet – waiting to be sent to %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="244" />
      <source>Waiting to be sent to %1.</source>
      <translation>Waiting to be sent to %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="248" />
      <source>Being sent to %1 now.</source>
      <translation>Being sent to %1 now.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="252" />
      <source>What to do: %1</source>
      <translation>What to do: %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="254" />
      <source>When IT has fixed the cause, choose “Send again”. It is kept safely on this PC until then.</source>
      <translation>When IT has fixed the cause, choose “Send again”. It is kept safely on this PC until then.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="257" />
      <source>%1 did not accept the notification. It has not been delivered.</source>
      <translation>%1 did not accept the notification. It has not been delivered.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="275" />
      <source>The municipality has told you on %1 (%2): %3</source>
      <translation>The municipality has told you on %1 (%2): %3</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="283" />
      <source>the notification has led to an investigation of the child's situation.</source>
      <translation>the notification has led to an investigation of the child's situation.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="286" />
      <source>the notification has led to support for the child or the family.</source>
      <translation>the notification has led to support for the child or the family.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="287" />
      <source>the notification has led to no measures.</source>
      <translation>the notification has led to no measures.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="273" />
      <location filename="../desktop/ui/delivery/wording.py" line="301" />
      <source>Reference number: %1.</source>
      <translation>Reference number: %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="302" />
      <source>The municipality's reference number: %1.</source>
      <translation>The municipality's reference number: %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="314" />
      <source>The municipality should have sent you a receipt by %1.</source>
      <translation>The municipality should have sent you a receipt by %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="317" />
      <source>%1 has not sent a receipt within six working days.</source>
      <translation>%1 has not sent a receipt within six working days.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="332" />
      <source>The content was removed from this PC after the retention period; the record that the municipality received it is kept.</source>
      <translation>The content was removed from this PC after the retention period; the record that the municipality received it is kept.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="341" />
      <source>You have noted that the municipality sent you a receipt.</source>
      <translation>You have noted that the municipality sent you a receipt.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="345" />
      <source>The municipality must send you a receipt by %1 (six working days). If none comes, phone them.</source>
      <translation>The municipality must send you a receipt by %1 (six working days). If none comes, phone them.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="360" />
      <source>No receipt from %1 for the notification about %2 (reference number %3).</source>
      <translation>No receipt from %1 for the notification about %2 (reference number %3).</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="322" />
      <source>Sent to %1 by secure e-mail.</source>
      <translation>Sent to %1 by secure e-mail.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="272" />
      <source>The municipality has sent a receipt on %1 (%2).</source>
      <translation>The municipality has sent a receipt on %1 (%2).</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="324" />
      <source>Sent: %1.</source>
      <translation>Sent: %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="325" />
      <source>Secure e-mail gives no automatic message of receipt.</source>
      <translation>Secure e-mail gives no automatic message of receipt.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="327" />
      <source>Received by %1.</source>
      <translation>Received by %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="329" />
      <source>Received: %1.</source>
      <translation>Received: %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="356" />
      <source>The notification about %1 was not accepted by %2: %3.</source>
      <translation>The notification about %1 was not accepted by %2: %3.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="367" />
      <source>Phone %1.</source>
      <translation>Phone %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/alerts.py" line="72" />
      <source>A notification needs you</source>
      <translation>A notification needs you</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/alerts.py" line="73" />
      <source>S&amp;how it</source>
      <translation>S&amp;how it</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/alerts.py" line="74" />
      <source>Show the notification in the list</source>
      <translation>Show the notification in the list</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/alerts.py" line="75" />
      <source>I have s&amp;een it</source>
      <translation>I have s&amp;een it</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/alerts.py" line="76" />
      <source>I have seen it: hide this message</source>
      <translation>I have seen it: hide this message</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/__init__.py" line="65" />
      <source>Code for IT (sender key fingerprint)</source>
      <translation>Code for IT (sender key fingerprint)</translation>
    </message>
  </context>
  <context>
    <name>DeliveryMessages</name>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="22" />
      <source>the municipality's receiving service did not answer</source>
      <translation>the municipality's receiving service did not answer</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="24" />
      <source>the receiving service could not prove it is the municipality's (wrong certificate), so nothing was sent</source>
      <translation>the receiving service could not prove it is the municipality's (wrong certificate), so nothing was sent</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="27" />
      <source>the receiving service's certificate has expired, so nothing was sent</source>
      <translation>the receiving service's certificate has expired, so nothing was sent</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="29" />
      <source>a secure connection to the municipality could not be made</source>
      <translation>a secure connection to the municipality could not be made</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="31" />
      <source>the municipality's receiving service took too long to answer</source>
      <translation>the municipality's receiving service took too long to answer</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="33" />
      <source>the municipality's receiving service had a fault</source>
      <translation>the municipality's receiving service had a fault</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="35" />
      <source>the notification is larger than the receiving service accepts</source>
      <translation>the notification is larger than the receiving service accepts</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="37" />
      <source>the municipality's receiving service is busy</source>
      <translation>the municipality's receiving service is busy</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="39" />
      <source>the connection was broken before the municipality confirmed</source>
      <translation>the connection was broken before the municipality confirmed</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="41" />
      <source>this PC is not connected to the internet</source>
      <translation>this PC is not connected to the internet</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="43" />
      <source>the network did not work</source>
      <translation>the network did not work</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="45" />
      <source>the receiving service gave an answer Underret does not understand</source>
      <translation>the receiving service gave an answer Underret does not understand</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="47" />
      <source>the confirmation of delivery could not be checked as the municipality's</source>
      <translation>the confirmation of delivery could not be checked as the municipality's</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="49" />
      <source>the confirmation of delivery did not match this notification</source>
      <translation>the confirmation of delivery did not match this notification</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="51" />
      <source>the confirmation of delivery was damaged</source>
      <translation>the confirmation of delivery was damaged</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="53" />
      <source>the municipality already has a different notification with the same number</source>
      <translation>the municipality already has a different notification with the same number</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="56" />
      <source>the municipality's receiving service refused it</source>
      <translation>the municipality's receiving service refused it</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="58" />
      <source>the municipality's receiving service cannot open it with the keys it holds now (ask IT to check the intake keys)</source>
      <translation>the municipality's receiving service cannot open it with the keys it holds now (ask IT to check the intake keys)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="61" />
      <source>the municipality's receiving service found it damaged</source>
      <translation>the municipality's receiving service found it damaged</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="63" />
      <source>the municipality's receiving service found its number did not match</source>
      <translation>the municipality's receiving service found its number did not match</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="65" />
      <source>the municipality's receiving service does not accept this PC yet (IT must set this PC up; the notification waits and goes as soon as that is done)</source>
      <translation>the municipality's receiving service does not accept this PC yet (IT must set this PC up; the notification waits and goes as soon as that is done)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="69" />
      <source>the municipality's receiving service could not be reached</source>
      <translation>the municipality's receiving service could not be reached</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="71" />
      <source>the network's proxy server did not let the connection through (ask IT)</source>
      <translation>the network's proxy server did not let the connection through (ask IT)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="73" />
      <source>sending was stopped before the municipality answered</source>
      <translation>sending was stopped before the municipality answered</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="75" />
      <source>it could not be delivered</source>
      <translation>it could not be delivered</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="77" />
      <source>the settings for sending on this PC are not right</source>
      <translation>the settings for sending on this PC are not right</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="79" />
      <source>sending is not set up on this PC yet</source>
      <translation>sending is not set up on this PC yet</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="81" />
      <location filename="../desktop/ui/delivery/messages.py" line="84" />
      <source>the child's municipality cannot receive notifications through Underret yet; phone the municipality</source>
      <translation>the child's municipality cannot receive notifications through Underret yet; phone the municipality</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="87" />
      <location filename="../desktop/ui/delivery/messages.py" line="90" />
      <source>this PC may not send to the child's municipality the way it receives notifications; phone the municipality</source>
      <translation>this PC may not send to the child's municipality the way it receives notifications; phone the municipality</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="93" />
      <source>the receiving address is not secure (https is required)</source>
      <translation>the receiving address is not secure (https is required)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="95" />
      <source>this PC has no certificate to check the municipality's receiving service</source>
      <translation>this PC has no certificate to check the municipality's receiving service</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="98" />
      <source>the mail server does not offer an encrypted connection, so nothing was sent</source>
      <translation>the mail server does not offer an encrypted connection, so nothing was sent</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="101" />
      <source>the mail server asked to try again later</source>
      <translation>the mail server asked to try again later</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="103" />
      <source>the mail server refused the municipality's secure e-mail address (ask IT to check it)</source>
      <translation>the mail server refused the municipality's secure e-mail address (ask IT to check it)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="106" />
      <source>the mail server refused the sender address IT has set up</source>
      <translation>the mail server refused the sender address IT has set up</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="108" />
      <source>the mail server did not accept mail from this PC (ask IT)</source>
      <translation>the mail server did not accept mail from this PC (ask IT)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="110" />
      <source>IT must set up the mail login on this PC; the notification waits and goes as soon as that is done</source>
      <translation>IT must set up the mail login on this PC; the notification waits and goes as soon as that is done</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="113" />
      <source>the certificate for the municipality's secure mailbox is not from an issuer IT has approved, so nothing was sent (ask IT)</source>
      <translation>the certificate for the municipality's secure mailbox is not from an issuer IT has approved, so nothing was sent (ask IT)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="116" />
      <source>the certificate for the municipality's secure mailbox is not meant for encrypted e-mail, so nothing was sent (ask IT)</source>
      <translation>the certificate for the municipality's secure mailbox is not meant for encrypted e-mail, so nothing was sent (ask IT)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="119" />
      <source>the certificate for the municipality's secure mailbox belongs to another address, so nothing was sent (ask IT)</source>
      <translation>the certificate for the municipality's secure mailbox belongs to another address, so nothing was sent (ask IT)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="122" />
      <source>the certificate for the municipality's secure mailbox is not valid yet, so nothing was sent (ask IT)</source>
      <translation>the certificate for the municipality's secure mailbox is not valid yet, so nothing was sent (ask IT)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="125" />
      <source>the certificate for the municipality's secure mailbox has been revoked, so nothing was sent (ask IT)</source>
      <translation>the certificate for the municipality's secure mailbox has been revoked, so nothing was sent (ask IT)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="128" />
      <source>it could not be checked whether the certificate for the municipality's secure mailbox has been revoked, so nothing was sent (ask IT)</source>
      <translation>it could not be checked whether the certificate for the municipality's secure mailbox has been revoked, so nothing was sent (ask IT)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="131" />
      <source>it was sent, but it could not be checked whether the certificate for the municipality's secure mailbox has been revoked (IT has been told)</source>
      <translation>it was sent, but it could not be checked whether the certificate for the municipality's secure mailbox has been revoked (IT has been told)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="134" />
      <source>the organisation certificate IT has set up for signing mail cannot be used (ask IT)</source>
      <translation>the organisation certificate IT has set up for signing mail cannot be used (ask IT)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="137" />
      <source>the notification is larger than the mail server accepts</source>
      <translation>the notification is larger than the mail server accepts</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="139" />
      <source>the mail server refused the secure e-mail</source>
      <translation>the mail server refused the secure e-mail</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="141" />
      <source>the certificate for the municipality's secure mailbox cannot be used (ask IT)</source>
      <translation>the certificate for the municipality's secure mailbox cannot be used (ask IT)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="144" />
      <source>the certificate for the municipality's secure mailbox has expired, so nothing was sent (ask IT)</source>
      <translation>the certificate for the municipality's secure mailbox has expired, so nothing was sent (ask IT)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="165" />
      <source>an unexpected problem</source>
      <extracomment>Reasons after which the item is refused for good (FAILED): the person must act. (A PC not accepted, a mail login or certificate problem: IT fixes those on this PC, and the notification waits in the queue meanwhile; those are not refusals.)</extracomment>
      <translation>an unexpected problem</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="177" />
      <source>Not sent yet: %1.</source>
      <translation>Not sent yet: %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="195" />
      <source>Sending is not set up on this PC yet, so the notification cannot be sealed for the municipality. What you wrote is kept. Please contact IT, and phone the municipality if the matter is urgent.</source>
      <extracomment>Reasons whose whole sentence another module registers, with details only it has.</extracomment>
      <translation>Sending is not set up on this PC yet, so the notification cannot be sealed for the municipality. What you wrote is kept. Please contact IT, and phone the municipality if the matter is urgent.</translation>
    </message>
  </context>
  <context>
    <name>MainWindowDelivery</name>
    <message numerus="yes">
      <location filename="../desktop/ui/delivery/window.py" line="266" />
      <source>%n notifications have been sent.</source>
      <translation>
        <numerusform>%n notification has been sent.</numerusform>
        <numerusform>%n notifications have been sent.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../desktop/ui/delivery/window.py" line="275" />
      <source>The municipality has received %n notifications.</source>
      <translation>
        <numerusform>The municipality has received %n notification.</numerusform>
        <numerusform>The municipality has received %n notifications.</numerusform>
      </translation>
    </message>
  </context>
</TS>
