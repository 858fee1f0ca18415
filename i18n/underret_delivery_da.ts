<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da" sourcelanguage="en">
  <context>
    <name>Delivery</name>
    <message>
      <location filename="../desktop/ui/delivery/__init__.py" line="65" />
      <source>Sender key fingerprint</source>
      <translation>Fingeraftryk af afsendernøglen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="158" />
      <source>I have received the municipality's &amp;acknowledgement</source>
      <extracomment>Notifications whose acknowledgement the person has noted (from the vault's audit log).</extracomment>
      <translation>Jeg har fået kommunens &amp;bekræftelse</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="160" />
      <source>Note that the municipality has acknowledged the selected notification</source>
      <translation>Notér, at kommunen har bekræftet den valgte underretning</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="162" />
      <source>Send &amp;now</source>
      <translation>Send &amp;nu</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="163" />
      <source>Try to send every waiting notification now (F9)</source>
      <translation>Prøv at sende alle ventende underretninger nu (F9)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="165" />
      <source>Send now</source>
      <translation>Send nu</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="166" />
      <source>Send waiting notifications now</source>
      <translation>Send ventende underretninger nu</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="169" />
      <source>Nothing waiting to be sent</source>
      <translation>Intet venter på at blive sendt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="171" />
      <source>1 notification waiting to be sent</source>
      <translation>1 underretning venter på at blive sendt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="173" />
      <source>%1 notifications waiting to be sent</source>
      <translation>%1 underretninger venter på at blive sendt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="195" />
      <source>The municipality has not acknowledged notification %1 within 6 working days.</source>
      <translation>Kommunen har ikke bekræftet underretning %1 inden for 6 arbejdsdage.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="198" />
      <source>The municipality has not acknowledged %1 notifications within 6 working days (references %2).</source>
      <translation>Kommunen har ikke bekræftet %1 underretninger inden for 6 arbejdsdage (referencer %2).</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="295" />
      <location filename="../desktop/ui/delivery/wording.py" line="113" />
      <source>Sending…</source>
      <translation>Sender …</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="385" />
      <source>Notifications are waiting to be sent</source>
      <translation>Underretninger venter på at blive sendt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="387" />
      <source>1 notification has not been sent yet.</source>
      <translation>1 underretning er ikke sendt endnu.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="389" />
      <source>%1 notifications have not been sent yet.</source>
      <translation>%1 underretninger er ikke sendt endnu.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="391" />
      <source>They are kept safely on this PC and are sent the next time you open Underret while the PC is online. If the matter is urgent, phone the municipality.</source>
      <translation>De er gemt sikkert på denne pc og bliver sendt, næste gang du åbner Underret, mens pc'en er på nettet. Er sagen akut, så ring til kommunen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="398" />
      <source>&amp;Quit anyway</source>
      <translation>&amp;Afslut alligevel</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="400" />
      <source>Quit anyway</source>
      <translation>Afslut alligevel</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="401" />
      <source>&amp;Keep Underret open</source>
      <translation>&amp;Lad Underret være åben</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="404" />
      <source>Keep Underret open</source>
      <translation>Lad Underret være åben</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="91" />
      <source>Please phone %1 on %2 and give the reference number.</source>
      <extracomment>States that count as "waiting" for the badge. Audit event the person records when the municipality's acknowledgement has arrived (by letter or mail).</extracomment>
      <translation>Ring til %1 på %2, og oplys referencenummeret.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="94" />
      <source>Please phone children's services in %1 and give the reference number.</source>
      <translation>Ring til børne- og familieafdelingen i %1, og oplys referencenummeret.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="96" />
      <source>Please phone the municipality's children's services and give the reference number.</source>
      <translation>Ring til kommunens børne- og familieafdeling, og oplys referencenummeret.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="109" />
      <source>Waiting – not sent yet: %1</source>
      <translation>Venter – ikke sendt endnu: %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="111" />
      <source>Waiting to send</source>
      <translation>Venter på at blive sendt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="116" />
      <source>Sent, waiting for the receipt</source>
      <translation>Sendt, venter på kvittering</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="139" />
      <source>Sent by secure e-mail (reference %1) – no acknowledgement yet. %2</source>
      <translation>Sendt med sikker mail (reference %1) – endnu ingen bekræftelse. %2</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="119" />
      <source>Sent by secure e-mail (reference %1)</source>
      <translation>Sendt med sikker mail (reference %1)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="123" />
      <source>Sent by secure e-mail (reference %1) – content removed after the retention period</source>
      <translation>Sendt med sikker mail (reference %1) – indholdet er slettet efter opbevaringsperioden</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="126" />
      <source>Not sent – %1</source>
      <translation>Ikke sendt – %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="129" />
      <source>Received (reference %1) – no acknowledgement yet. %2</source>
      <translation>Modtaget (reference %1) – endnu ingen bekræftelse. %2</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="132" />
      <source>Received (reference %1) – content removed after the retention period</source>
      <translation>Modtaget (reference %1) – indholdet er slettet efter opbevaringsperioden</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="134" />
      <source>Received by the municipality (reference %1)</source>
      <translation>Modtaget af kommunen (reference %1)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="147" />
      <source>The notification is stored safely on this PC and is sent automatically. You can also choose "Send now".</source>
      <translation>Underretningen er gemt sikkert på denne pc og bliver sendt automatisk. Du kan også vælge "Send nu".</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="150" />
      <source>The municipality did not accept the notification: %1. It is kept on this PC. Please phone the municipality.</source>
      <translation>Kommunen tog ikke imod underretningen: %1. Den er gemt på denne pc. Ring venligst til kommunen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="155" />
      <source>Sent by secure e-mail. The municipality's mail server accepted it, but secure e-mail gives no receipt. The municipality should acknowledge the notification by %1.</source>
      <translation>Sendt med sikker mail. Kommunens mailserver har taget imod den, men sikker mail giver ingen kvittering. Kommunen skal bekræfte underretningen senest %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="162" />
      <source>The municipality should have acknowledged the notification by %1. %2</source>
      <translation>Kommunen skulle have bekræftet underretningen senest %1. %2</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="166" />
      <source>You have noted that the municipality acknowledged the notification.</source>
      <translation>Du har noteret, at kommunen har bekræftet underretningen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="168" />
      <source>The municipality should acknowledge the notification by %1.</source>
      <translation>Kommunen skal bekræfte underretningen senest %1.</translation>
    </message>
  </context>
  <context>
    <name>DeliveryMessages</name>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="22" />
      <source>the municipality's receiving service did not answer</source>
      <translation>kommunens modtagesystem svarede ikke</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="24" />
      <source>the receiving service could not prove it is the municipality's (wrong certificate), so nothing was sent</source>
      <translation>modtagesystemet kunne ikke bevise, at den er kommunens (forkert certifikat), så intet blev sendt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="27" />
      <source>the receiving service's certificate has expired, so nothing was sent</source>
      <translation>modtagesystemets certifikat er udløbet, så intet blev sendt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="29" />
      <source>a secure connection to the municipality could not be made</source>
      <translation>der kunne ikke oprettes en sikker forbindelse til kommunen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="31" />
      <source>the municipality's receiving service took too long to answer</source>
      <translation>kommunens modtagesystem var for længe om at svare</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="33" />
      <source>the municipality's receiving service had a fault</source>
      <translation>kommunens modtagesystem havde en fejl</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="35" />
      <source>the notification is larger than the receiving service accepts</source>
      <translation>underretningen er større, end modtagesystemet tager imod</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="37" />
      <source>the municipality's receiving service is busy</source>
      <translation>kommunens modtagesystem har travlt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="39" />
      <source>the connection was broken before the municipality confirmed</source>
      <translation>forbindelsen blev afbrudt, før kommunen bekræftede</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="41" />
      <source>this PC is not connected to the internet</source>
      <translation>pc'en er ikke på internettet</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="43" />
      <source>the network did not work</source>
      <translation>netværket virkede ikke</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="45" />
      <source>the receiving service gave an answer Underret does not understand</source>
      <translation>modtagesystemet gav et svar, som Underret ikke forstår</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="47" />
      <source>the receipt could not be checked as the municipality's</source>
      <translation>kvitteringen kunne ikke bekræftes som kommunens</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="49" />
      <source>the receipt did not match this notification</source>
      <translation>kvitteringen passede ikke til denne underretning</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="51" />
      <source>the receipt was damaged</source>
      <translation>kvitteringen var beskadiget</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="53" />
      <source>the municipality already has a different notification with the same number</source>
      <translation>kommunen har allerede en anden underretning med samme nummer</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="56" />
      <source>the municipality's receiving service refused it</source>
      <translation>kommunens modtagesystem afviste den</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="58" />
      <source>the municipality's receiving service cannot open it with the keys it holds now (ask IT to check the intake keys)</source>
      <translation>kommunens modtagesystem kan ikke åbne den med de nøgler, det har nu (bed IT om at tjekke nøglerne)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="61" />
      <source>the municipality's receiving service found it damaged</source>
      <translation>kommunens modtagesystem fandt den beskadiget</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="63" />
      <source>the municipality's receiving service found its number did not match</source>
      <translation>kommunens modtagesystem fandt, at dens nummer ikke passede</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="65" />
      <source>the municipality's receiving service does not accept this PC yet (IT must set this PC up; the notification waits and goes as soon as that is done)</source>
      <translation>kommunens modtagesystem tager endnu ikke imod underretninger fra denne pc (it-afdelingen skal sætte pc'en op; underretningen venter og bliver sendt, så snart det er gjort)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="69" />
      <source>the municipality's receiving service could not be reached</source>
      <translation>der var ingen forbindelse til kommunens modtagesystem</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="71" />
      <source>the network's proxy server did not let the connection through (ask IT)</source>
      <translation>netværkets proxyserver lukkede ikke forbindelsen igennem (kontakt it-afdelingen)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="73" />
      <source>sending was stopped before the municipality answered</source>
      <translation>afsendelsen blev stoppet, før kommunen svarede</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="75" />
      <source>it could not be delivered</source>
      <translation>den kunne ikke afleveres</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="77" />
      <source>the settings for sending on this PC are not right</source>
      <translation>indstillingerne for afsendelse på denne pc er ikke rigtige</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="79" />
      <source>sending is not set up on this PC yet</source>
      <translation>afsendelse er ikke sat op på denne pc endnu</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="81" />
      <source>the receiving address is not secure (https is required)</source>
      <translation>modtageradressen er ikke sikker (https er påkrævet)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="83" />
      <source>this PC has no certificate to check the municipality's receiving service</source>
      <translation>pc'en har intet certifikat til at kontrollere kommunens modtagesystem</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="86" />
      <source>the mail server does not offer an encrypted connection, so nothing was sent</source>
      <translation>mailserveren tilbyder ikke en krypteret forbindelse, så intet blev sendt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="89" />
      <source>the mail server asked to try again later</source>
      <translation>mailserveren bad om at prøve igen senere</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="91" />
      <source>the mail server refused the municipality's secure e-mail address (ask IT to check it)</source>
      <translation>mailserveren afviste kommunens sikre mailadresse (bed IT om at tjekke den)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="94" />
      <source>the mail server refused the sender address IT has set up</source>
      <translation>mailserveren afviste den afsenderadresse, IT har sat op</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="96" />
      <source>the mail server did not accept mail from this PC (ask IT)</source>
      <translation>mailserveren tog ikke imod mail fra denne pc (kontakt IT)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="98" />
      <source>IT must set up the mail login on this PC; the notification waits and goes as soon as that is done</source>
      <translation>it-afdelingen skal sætte login til mailserveren op på denne pc; underretningen venter og bliver sendt, så snart det er gjort</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="101" />
      <source>the certificate for the municipality's secure mailbox is not from an issuer IT has approved, so nothing was sent (ask IT)</source>
      <translation>certifikatet til kommunens sikre postkasse er ikke udstedt af en udsteder, som it-afdelingen har godkendt, så intet blev sendt (kontakt it-afdelingen)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="104" />
      <source>the certificate for the municipality's secure mailbox is not meant for encrypted e-mail, so nothing was sent (ask IT)</source>
      <translation>certifikatet til kommunens sikre postkasse er ikke beregnet til krypteret mail, så intet blev sendt (kontakt it-afdelingen)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="107" />
      <source>the certificate for the municipality's secure mailbox belongs to another address, so nothing was sent (ask IT)</source>
      <translation>certifikatet til kommunens sikre postkasse hører til en anden adresse, så intet blev sendt (kontakt it-afdelingen)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="110" />
      <source>the certificate for the municipality's secure mailbox is not valid yet, so nothing was sent (ask IT)</source>
      <translation>certifikatet til kommunens sikre postkasse er ikke gyldigt endnu, så intet blev sendt (kontakt it-afdelingen)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="113" />
      <source>the certificate for the municipality's secure mailbox has been revoked, so nothing was sent (ask IT)</source>
      <translation>certifikatet til kommunens sikre postkasse er spærret, så intet blev sendt (kontakt it-afdelingen)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="116" />
      <source>it could not be checked whether the certificate for the municipality's secure mailbox has been revoked, so nothing was sent (ask IT)</source>
      <translation>det kunne ikke kontrolleres, om certifikatet til kommunens sikre postkasse er spærret, så intet blev sendt (kontakt it-afdelingen)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="119" />
      <source>it was sent, but it could not be checked whether the certificate for the municipality's secure mailbox has been revoked (IT has been told)</source>
      <translation>den er sendt, men det kunne ikke kontrolleres, om certifikatet til kommunens sikre postkasse er spærret (it-afdelingen kan se det)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="122" />
      <source>the organisation certificate IT has set up for signing mail cannot be used (ask IT)</source>
      <translation>organisationscertifikatet, som it-afdelingen har sat op til at signere mail, kan ikke bruges (kontakt it-afdelingen)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="125" />
      <source>the notification is larger than the mail server accepts</source>
      <translation>underretningen er større, end mailserveren tager imod</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="127" />
      <source>the mail server refused the secure e-mail</source>
      <translation>mailserveren afviste den sikre mail</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="129" />
      <source>the certificate for the municipality's secure mailbox cannot be used (ask IT)</source>
      <translation>certifikatet til kommunens sikre postkasse kan ikke bruges (kontakt IT)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="132" />
      <source>the certificate for the municipality's secure mailbox has expired, so nothing was sent (ask IT)</source>
      <translation>certifikatet til kommunens sikre postkasse er udløbet, så intet blev sendt (kontakt IT)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="153" />
      <source>an unexpected problem</source>
      <extracomment>Reasons after which the item is refused for good (FAILED): the person must act. (A PC not accepted, a mail login or certificate problem: IT fixes those on this PC, and the notification waits in the queue meanwhile; those are not refusals.)</extracomment>
      <translation>et uventet problem</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="165" />
      <source>Not sent yet: %1.</source>
      <translation>Ikke sendt endnu: %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="174" />
      <source>Sending is not set up on this PC yet, so the notification cannot be sealed for the municipality. What you wrote is kept. Please contact IT, and phone the municipality if the matter is urgent.</source>
      <translation>Afsendelse er ikke sat op på denne pc endnu, så underretningen kan ikke krypteres til kommunen. Det, du har skrevet, er gemt. Kontakt IT, og ring til kommunen, hvis sagen haster.</translation>
    </message>
  </context>
</TS>
