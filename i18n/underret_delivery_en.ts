<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
  <context>
    <name>Delivery</name>
    <message>
      <location filename="../desktop/ui/delivery/__init__.py" line="65" />
      <source>Sender key fingerprint</source>
      <translation>Sender key fingerprint</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="158" />
      <source>I have received the municipality's &amp;acknowledgement</source>
      <extracomment>Notifications whose acknowledgement the person has noted (from the vault's audit log).</extracomment>
      <translation>I have received the municipality's &amp;acknowledgement</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="160" />
      <source>Note that the municipality has acknowledged the selected notification</source>
      <translation>Note that the municipality has acknowledged the selected notification</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="162" />
      <source>Send &amp;now</source>
      <translation>Send &amp;now</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="163" />
      <source>Try to send every waiting notification now (F9)</source>
      <translation>Try to send every waiting notification now (F9)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="165" />
      <source>Send now</source>
      <translation>Send now</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="166" />
      <source>Send waiting notifications now</source>
      <translation>Send waiting notifications now</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="169" />
      <source>Nothing waiting to be sent</source>
      <translation>Nothing waiting to be sent</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="171" />
      <source>1 notification waiting to be sent</source>
      <translation>1 notification waiting to be sent</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="173" />
      <source>%1 notifications waiting to be sent</source>
      <translation>%1 notifications waiting to be sent</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="195" />
      <source>The municipality has not acknowledged notification %1 within 6 working days.</source>
      <translation>The municipality has not acknowledged notification %1 within 6 working days.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="198" />
      <source>The municipality has not acknowledged %1 notifications within 6 working days (references %2).</source>
      <translation>The municipality has not acknowledged %1 notifications within 6 working days (references %2).</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="295" />
      <location filename="../desktop/ui/delivery/wording.py" line="113" />
      <source>Sending…</source>
      <translation>Sending…</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="385" />
      <source>Notifications are waiting to be sent</source>
      <translation>Notifications are waiting to be sent</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="387" />
      <source>1 notification has not been sent yet.</source>
      <translation>1 notification has not been sent yet.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="389" />
      <source>%1 notifications have not been sent yet.</source>
      <translation>%1 notifications have not been sent yet.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="391" />
      <source>They are kept safely on this PC and are sent the next time you open Underret while the PC is online. If the matter is urgent, phone the municipality.</source>
      <translation>They are kept safely on this PC and are sent the next time you open Underret while the PC is online. If the matter is urgent, phone the municipality.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="398" />
      <source>&amp;Quit anyway</source>
      <translation>&amp;Quit anyway</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="400" />
      <source>Quit anyway</source>
      <translation>Quit anyway</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="401" />
      <source>&amp;Keep Underret open</source>
      <translation>&amp;Keep Underret open</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="404" />
      <source>Keep Underret open</source>
      <translation>Keep Underret open</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="91" />
      <source>Please phone %1 on %2 and give the reference number.</source>
      <extracomment>States that count as "waiting" for the badge. Audit event the person records when the municipality's acknowledgement has arrived (by letter or mail).</extracomment>
      <translation>Please phone %1 on %2 and give the reference number.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="94" />
      <source>Please phone children's services in %1 and give the reference number.</source>
      <translation>Please phone children's services in %1 and give the reference number.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="96" />
      <source>Please phone the municipality's children's services and give the reference number.</source>
      <translation>Please phone the municipality's children's services and give the reference number.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="109" />
      <source>Waiting – not sent yet: %1</source>
      <translation>Waiting – not sent yet: %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="111" />
      <source>Waiting to send</source>
      <translation>Waiting to send</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="116" />
      <source>Sent, waiting for the receipt</source>
      <translation>Sent, waiting for the receipt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="139" />
      <source>Sent by secure e-mail (reference %1) – no acknowledgement yet. %2</source>
      <translation>Sent by secure e-mail (reference %1) – no acknowledgement yet. %2</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="119" />
      <source>Sent by secure e-mail (reference %1)</source>
      <translation>Sent by secure e-mail (reference %1)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="123" />
      <source>Sent by secure e-mail (reference %1) – content removed after the retention period</source>
      <translation>Sent by secure e-mail (reference %1) – content removed after the retention period</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="126" />
      <source>Not sent – %1</source>
      <translation>Not sent – %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="129" />
      <source>Received (reference %1) – no acknowledgement yet. %2</source>
      <translation>Received (reference %1) – no acknowledgement yet. %2</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="132" />
      <source>Received (reference %1) – content removed after the retention period</source>
      <translation>Received (reference %1) – content removed after the retention period</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="134" />
      <source>Received by the municipality (reference %1)</source>
      <translation>Received by the municipality (reference %1)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="147" />
      <source>The notification is stored safely on this PC and is sent automatically. You can also choose "Send now".</source>
      <translation>The notification is stored safely on this PC and is sent automatically. You can also choose "Send now".</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="150" />
      <source>The municipality did not accept the notification: %1. It is kept on this PC. Please phone the municipality.</source>
      <translation>The municipality did not accept the notification: %1. It is kept on this PC. Please phone the municipality.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="155" />
      <source>Sent by secure e-mail. The municipality's mail server accepted it, but secure e-mail gives no receipt. The municipality should acknowledge the notification by %1.</source>
      <translation>Sent by secure e-mail. The municipality's mail server accepted it, but secure e-mail gives no receipt. The municipality should acknowledge the notification by %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="162" />
      <source>The municipality should have acknowledged the notification by %1. %2</source>
      <translation>The municipality should have acknowledged the notification by %1. %2</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="166" />
      <source>You have noted that the municipality acknowledged the notification.</source>
      <translation>You have noted that the municipality acknowledged the notification.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="168" />
      <source>The municipality should acknowledge the notification by %1.</source>
      <translation>The municipality should acknowledge the notification by %1.</translation>
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
      <source>the receipt could not be checked as the municipality's</source>
      <translation>the receipt could not be checked as the municipality's</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="49" />
      <source>the receipt did not match this notification</source>
      <translation>the receipt did not match this notification</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="51" />
      <source>the receipt was damaged</source>
      <translation>the receipt was damaged</translation>
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
      <source>the receiving address is not secure (https is required)</source>
      <translation>the receiving address is not secure (https is required)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="83" />
      <source>this PC has no certificate to check the municipality's receiving service</source>
      <translation>this PC has no certificate to check the municipality's receiving service</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="86" />
      <source>the mail server does not offer an encrypted connection, so nothing was sent</source>
      <translation>the mail server does not offer an encrypted connection, so nothing was sent</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="89" />
      <source>the mail server asked to try again later</source>
      <translation>the mail server asked to try again later</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="91" />
      <source>the mail server refused the municipality's secure e-mail address (ask IT to check it)</source>
      <translation>the mail server refused the municipality's secure e-mail address (ask IT to check it)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="94" />
      <source>the mail server refused the sender address IT has set up</source>
      <translation>the mail server refused the sender address IT has set up</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="96" />
      <source>the mail server did not accept mail from this PC (ask IT)</source>
      <translation>the mail server did not accept mail from this PC (ask IT)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="98" />
      <source>IT must set up the mail login on this PC; the notification waits and goes as soon as that is done</source>
      <translation>IT must set up the mail login on this PC; the notification waits and goes as soon as that is done</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="101" />
      <source>the certificate for the municipality's secure mailbox is not from an issuer IT has approved, so nothing was sent (ask IT)</source>
      <translation>the certificate for the municipality's secure mailbox is not from an issuer IT has approved, so nothing was sent (ask IT)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="104" />
      <source>the certificate for the municipality's secure mailbox is not meant for encrypted e-mail, so nothing was sent (ask IT)</source>
      <translation>the certificate for the municipality's secure mailbox is not meant for encrypted e-mail, so nothing was sent (ask IT)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="107" />
      <source>the certificate for the municipality's secure mailbox belongs to another address, so nothing was sent (ask IT)</source>
      <translation>the certificate for the municipality's secure mailbox belongs to another address, so nothing was sent (ask IT)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="110" />
      <source>the certificate for the municipality's secure mailbox is not valid yet, so nothing was sent (ask IT)</source>
      <translation>the certificate for the municipality's secure mailbox is not valid yet, so nothing was sent (ask IT)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="113" />
      <source>the certificate for the municipality's secure mailbox has been revoked, so nothing was sent (ask IT)</source>
      <translation>the certificate for the municipality's secure mailbox has been revoked, so nothing was sent (ask IT)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="116" />
      <source>it could not be checked whether the certificate for the municipality's secure mailbox has been revoked, so nothing was sent (ask IT)</source>
      <translation>it could not be checked whether the certificate for the municipality's secure mailbox has been revoked, so nothing was sent (ask IT)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="119" />
      <source>it was sent, but it could not be checked whether the certificate for the municipality's secure mailbox has been revoked (IT has been told)</source>
      <translation>it was sent, but it could not be checked whether the certificate for the municipality's secure mailbox has been revoked (IT has been told)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="122" />
      <source>the organisation certificate IT has set up for signing mail cannot be used (ask IT)</source>
      <translation>the organisation certificate IT has set up for signing mail cannot be used (ask IT)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="125" />
      <source>the notification is larger than the mail server accepts</source>
      <translation>the notification is larger than the mail server accepts</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="127" />
      <source>the mail server refused the secure e-mail</source>
      <translation>the mail server refused the secure e-mail</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="129" />
      <source>the certificate for the municipality's secure mailbox cannot be used (ask IT)</source>
      <translation>the certificate for the municipality's secure mailbox cannot be used (ask IT)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="132" />
      <source>the certificate for the municipality's secure mailbox has expired, so nothing was sent (ask IT)</source>
      <translation>the certificate for the municipality's secure mailbox has expired, so nothing was sent (ask IT)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="153" />
      <source>an unexpected problem</source>
      <extracomment>Reasons after which the item is refused for good (FAILED): the person must act. (A PC not accepted, a mail login or certificate problem: IT fixes those on this PC, and the notification waits in the queue meanwhile; those are not refusals.)</extracomment>
      <translation>an unexpected problem</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="165" />
      <source>Not sent yet: %1.</source>
      <translation>Not sent yet: %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="174" />
      <source>Sending is not set up on this PC yet, so the notification cannot be sealed for the municipality. What you wrote is kept. Please contact IT, and phone the municipality if the matter is urgent.</source>
      <translation>Sending is not set up on this PC yet, so the notification cannot be sealed for the municipality. What you wrote is kept. Please contact IT, and phone the municipality if the matter is urgent.</translation>
    </message>
  </context>
</TS>
