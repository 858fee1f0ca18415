<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
  <context>
    <name>Attachments</name>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="47" />
      <source>The file is too large: all attachments together may be at most 10 MB.</source>
      <translation>The file is too large: all attachments together may be at most 10 MB.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="49" />
      <source>At most 20 files can be attached.</source>
      <translation>At most 20 files can be attached.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="50" />
      <source>Only PDF, PNG and JPEG files can be attached, and this file is none of them.</source>
      <translation>Only PDF, PNG and JPEG files can be attached, and this file is none of them.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="52" />
      <source>The picture is damaged and cannot be read. Save it again, or take a new picture of the document.</source>
      <translation>The picture is damaged and cannot be read. Save it again, or take a new picture of the document.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="55" />
      <source>The picture has too many pixels. Make it smaller and try again.</source>
      <translation>The picture has too many pixels. Make it smaller and try again.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="57" />
      <source>The PDF file is damaged or incomplete and cannot be attached.</source>
      <translation>The PDF file is damaged or incomplete and cannot be attached.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="59" />
      <source>The file cannot be read. Check that it still exists and that you may open it.</source>
      <translation>The file cannot be read. Check that it still exists and that you may open it.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="61" />
      <source>The notification could not be saved, so the file was not attached. Try again.</source>
      <translation>The notification could not be saved, so the file was not attached. Try again.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="63" />
      <source>An attachment is missing from the notification. Remove it and add it again.</source>
      <translation>An attachment is missing from the notification. Remove it and add it again.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="77" />
      <source>PDF, PNG and JPEG files</source>
      <translation>PDF, PNG and JPEG files</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="78" />
      <source>All files</source>
      <translation>All files</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="80" />
      <source>Choose files to attach</source>
      <translation>Choose files to attach</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="139" />
      <source>&amp;Attach files…</source>
      <extracomment>How files are chosen (tests hand in their own; the person gets the file dialog).</extracomment>
      <translation>&amp;Attach files…</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="170" />
      <source>Attach files: PDF, PNG or JPEG</source>
      <translation>Attach files: PDF, PNG or JPEG</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="142" />
      <source>Remo&amp;ve file</source>
      <translation>Remo&amp;ve file</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="143" />
      <source>Remove the chosen file</source>
      <translation>Remove the chosen file</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="144" />
      <source>Attached files</source>
      <translation>Attached files</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="198" />
      <source>Reading and cleaning the file…</source>
      <translation>Reading and cleaning the file…</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="210" />
      <source>Attached. The picture was saved without hidden information such as where and with what it was taken.</source>
      <translation>Attached. The picture was saved without hidden information such as where and with what it was taken.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="212" />
      <source>Attached.</source>
      <translation>Attached.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="235" />
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="247" />
      <source>Removed.</source>
      <translation>Removed.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="278" />
      <source>%1 of 10 MB in all</source>
      <translation>%1 of 10 MB in all</translation>
    </message>
  </context>
  <context>
    <name>BodyMap</name>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_details.py" line="112" />
      <source>Place on the body</source>
      <translation>Place on the body</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_details.py" line="113" />
      <source>Kind of mark</source>
      <translation>Kind of mark</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_details.py" line="114" />
      <source>Colour</source>
      <translation>Colour</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_details.py" line="115" />
      <source>Size</source>
      <translation>Size</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_details.py" line="116" />
      <source>When did you see it?</source>
      <translation>When did you see it?</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_details.py" line="117" />
      <source>Who explained it?</source>
      <translation>Who explained it?</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_details.py" line="118" />
      <source>The explanation you were given</source>
      <translation>The explanation you were given</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_details.py" line="119" />
      <source>Anything else about the mark</source>
      <translation>Anything else about the mark</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_details.py" line="129" />
      <source>e.g. 2 × 3 cm</source>
      <translation>e.g. 2 × 3 cm</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_details.py" line="131" />
      <source>In the words you heard, and from whom</source>
      <translation>In the words you heard, and from whom</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_details.py" line="160" />
      <source>Mark %1</source>
      <translation>Mark %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="108" />
      <source>Click on the body where you saw the mark, or choose the place in the list and press Add mark. Describe each mark below.</source>
      <translation>Click on the body where you saw the mark, or choose the place in the list and press Add mark. Describe each mark below.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="112" />
      <source>Body map, front</source>
      <translation>Body map, front</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="113" />
      <source>Body map, back</source>
      <translation>Body map, back</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="114" />
      <source>&amp;Place on the body</source>
      <translation>&amp;Place on the body</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="115" />
      <source>Place on the body for a new mark</source>
      <translation>Place on the body for a new mark</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="116" />
      <source>&amp;Add mark</source>
      <translation>&amp;Add mark</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="117" />
      <source>Add a mark at the chosen place</source>
      <translation>Add a mark at the chosen place</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="118" />
      <source>&amp;Marks</source>
      <translation>&amp;Marks</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="119" />
      <source>Marks on the body</source>
      <translation>Marks on the body</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="120" />
      <source>&amp;Remove mark</source>
      <translation>&amp;Remove mark</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="121" />
      <source>Remove the chosen mark</source>
      <translation>Remove the chosen mark</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="267" />
      <source>%1 (kind not chosen yet)</source>
      <translation>%1 (kind not chosen yet)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="283" />
      <source>Click on the body to place a mark. Page Up and Page Down choose a mark, the arrow keys move it, Delete removes it.</source>
      <translation>Click on the body to place a mark. Page Up and Page Down choose a mark, the arrow keys move it, Delete removes it.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="288" />
      <source>No marks yet.</source>
      <translation>No marks yet.</translation>
    </message>
  </context>
  <context>
    <name>ReviewPage</name>
    <message numerus="yes">
      <location filename="../desktop/ui/wizard/review.py" line="217" />
      <source>%n thing(s) to put right before you can send it:</source>
      <translation>
        <numerusform>%n thing to put right before you can send it:</numerusform>
        <numerusform>%n things to put right before you can send it:</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../desktop/ui/wizard/review.py" line="221" />
      <source>and %n more.</source>
      <translation>
        <numerusform>and %n more.</numerusform>
        <numerusform>and %n more.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../desktop/ui/wizard/review.py" line="226" />
      <source>Not sent: %n thing(s) to put right first.</source>
      <translation>
        <numerusform>Not sent: %n thing to put right first.</numerusform>
        <numerusform>Not sent: %n things to put right first.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SignalChecklistEditor</name>
    <message numerus="yes">
      <location filename="../desktop/ui/wizard/signal_checklist.py" line="183" />
      <source>%n sign(s) match the search.</source>
      <translation>
        <numerusform>%n sign matches the search.</numerusform>
        <numerusform>%n signs match the search.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Wizard</name>
    <message>
      <location filename="../desktop/ui/wizard/base.py" line="159" />
      <source>%1 (required)</source>
      <translation>%1 (required)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_details.py" line="130" />
      <location filename="../desktop/ui/wizard/fields.py" line="103" />
      <source>DD-MM-YYYY</source>
      <translation>DD-MM-YYYY</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_details.py" line="150" />
      <location filename="../desktop/ui/wizard/fields.py" line="115" />
      <source>Write the date as day-month-year, e.g. 24-12-2019.</source>
      <translation>Write the date as day-month-year, e.g. 24-12-2019.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/fields.py" line="143" />
      <source>DD-MM-YYYY HH:MM</source>
      <translation>DD-MM-YYYY HH:MM</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/fields.py" line="148" />
      <source>Write the date and time as day-month-year hours:minutes, e.g. 24-12-2019 08:15.</source>
      <translation>Write the date and time as day-month-year hours:minutes, e.g. 24-12-2019 08:15.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/choices.py" line="102" />
      <location filename="../desktop/ui/wizard/derived_notice.py" line="43" />
      <source>Yes</source>
      <translation>Yes</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/choices.py" line="102" />
      <location filename="../desktop/ui/wizard/confirm.py" line="62" />
      <location filename="../desktop/ui/wizard/derived_notice.py" line="45" />
      <source>No</source>
      <translation>No</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/choices.py" line="104" />
      <location filename="../desktop/ui/wizard/derived_notice.py" line="47" />
      <source>Don't know</source>
      <translation>Don't know</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/choices.py" line="175" />
      <source>Why not?</source>
      <translation>Why not?</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/fields.py" line="173" />
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/fields.py" line="174" />
      <source>Role</source>
      <translation>Role</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/fields.py" line="175" />
      <source>Phone</source>
      <translation>Phone</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/fields.py" line="176" />
      <source>E-mail</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/fields.py" line="219" />
      <source>DDMMYY-XXXX</source>
      <translation>DDMMYY-XXXX</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/fields.py" line="241" />
      <source>The first six digits are not a real date (DDMMYY). Please check the number.</source>
      <translation>The first six digits are not a real date (DDMMYY). Please check the number.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/fields.py" line="244" />
      <source>A CPR number has ten digits, e.g. 241219-1234.</source>
      <translation>A CPR number has ten digits, e.g. 241219-1234.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/fields.py" line="247" />
      <source>Please check that the number is typed correctly. (Many newer numbers are like this; you can go on.)</source>
      <translation>Please check that the number is typed correctly. (Many newer numbers are like this; you can go on.)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/group_editor.py" line="30" />
      <location filename="../desktop/ui/wizard/group_editor.py" line="68" />
      <location filename="../desktop/ui/wizard/group_editor.py" line="142" />
      <source>Item</source>
      <translation>Item</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/group_editor.py" line="43" />
      <location filename="../desktop/ui/wizard/group_editor.py" line="45" />
      <source>Remove %1</source>
      <translation>Remove %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/group_editor.py" line="69" />
      <location filename="../desktop/ui/wizard/group_editor.py" line="143" />
      <source>Add %1</source>
      <translation>Add %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/guidance.py" line="65" />
      <source>Call now</source>
      <translation>Call now</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/guidance.py" line="86" />
      <source>Whom to call now</source>
      <translation>Whom to call now</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/recovery.py" line="63" />
      <source>Underret was closed unexpectedly while you were writing a notification. Everything you wrote has been kept.</source>
      <translation>Underret was closed unexpectedly while you were writing a notification. Everything you wrote has been kept.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/recovery.py" line="66" />
      <source>The child's initials: %1</source>
      <translation>The child's initials: %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/recovery.py" line="68" />
      <location filename="../desktop/ui/wizard/recovery.py" line="71" />
      <source>We recovered the notification you were writing</source>
      <translation>We recovered the notification you were writing</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/recovery.py" line="72" />
      <source>&amp;Open it</source>
      <translation>&amp;Open it</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/recovery.py" line="73" />
      <source>&amp;Later</source>
      <translation>&amp;Later</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/review.py" line="140" />
      <source>Where it says “Not filled in yet”, an answer is still missing. Tab to it in the text and press Enter to go there.</source>
      <translation>Where it says “Not filled in yet”, an answer is still missing. Tab to it in the text and press Enter to go there.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/review.py" line="149" />
      <source>The notification as the municipality will read it</source>
      <translation>The notification as the municipality will read it</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/review.py" line="161" />
      <location filename="../desktop/ui/wizard/review.py" line="163" />
      <source>Edit: %1</source>
      <translation>Edit: %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/review.py" line="173" />
      <source>Once sent, the notification cannot be changed; a correction is sent as a new notification.</source>
      <translation>Once sent, the notification cannot be changed; a correction is sent as a new notification.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/review.py" line="194" />
      <source>Before you can send it, please look at these:</source>
      <translation>Before you can send it, please look at these:</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/signal_checklist.py" line="54" />
      <source>Search, e.g. bruise, hunger, absence</source>
      <extracomment>How long after the last keystroke in the search the number of signs found is said.</extracomment>
      <translation>Search, e.g. bruise, hunger, absence</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/signal_checklist.py" line="55" />
      <source>Search the signs</source>
      <translation>Search the signs</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/signal_checklist.py" line="75" />
      <source>No signs match the search.</source>
      <translation>No signs match the search.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/signal_checklist.py" line="108" />
      <source>Use the arrow keys to move and Space to tick a sign.</source>
      <translation>Use the arrow keys to move and Space to tick a sign.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/signal_checklist.py" line="117" />
      <source>The child's age is not known yet, so all signs are shown.</source>
      <translation>The child's age is not known yet, so all signs are shown.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/signal_checklist.py" line="119" />
      <source>Signs for the age group: %1</source>
      <translation>Signs for the age group: %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="281" />
      <source>Child in danger? &amp;Whom to call</source>
      <translation>Child in danger? &amp;Whom to call</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="282" />
      <source>Child in danger right now? Show whom to call</source>
      <translation>Child in danger right now? Show whom to call</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="283" />
      <source>The finalised notification</source>
      <translation>The finalised notification</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="284" />
      <source>&amp;Discard draft</source>
      <translation>&amp;Discard draft</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="286" />
      <source>&amp;Back</source>
      <translation>&amp;Back</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="287" />
      <source>Back to the previous page</source>
      <translation>Back to the previous page</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="288" />
      <source>&amp;Next</source>
      <translation>&amp;Next</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="289" />
      <source>Next page</source>
      <translation>Next page</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="290" />
      <source>Back to re&amp;view</source>
      <translation>Back to re&amp;view</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="291" />
      <source>Back to the review page</source>
      <translation>Back to the review page</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="292" />
      <source>Back to the review page (Ctrl+R)</source>
      <translation>Back to the review page (Ctrl+R)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="295" />
      <source>&amp;Correct it</source>
      <translation>&amp;Correct it</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="296" />
      <source>Write a correction: a new notification that refers to this one</source>
      <translation>Write a correction: a new notification that refers to this one</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="298" />
      <source>C&amp;lose</source>
      <translation>C&amp;lose</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="299" />
      <source>Close the window</source>
      <translation>Close the window</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="280" />
      <source>Underret – notification of concern</source>
      <extracomment>Set when the window closes without the usual save (lock, discard, another window took over). The page to show once it is built (the window opens before its first page is complete). A correction's note of what it corrects (see :mod:`.finalised_view`). A finalised notification's delivery, kept up to date (see :mod:`.finalised_view`). Came here from the review page (a problem, a gap or "Edit"): the way back is offered.</extracomment>
      <translation>Underret – notification of concern</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/finalised_view.py" line="119" />
      <source>This is a correction of %1. It is sent as a new notification that refers to that one; write what is different.</source>
      <translation>This is a correction of %1. It is sent as a new notification that refers to that one; write what is different.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="419" />
      <source>Step %1 of %2: %3</source>
      <translation>Step %1 of %2: %3</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="490" />
      <source>Saved %1</source>
      <translation>Saved %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="502" />
      <source>Not saved</source>
      <translation>Not saved</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/sending.py" line="92" />
      <source>the notification with reference number %1</source>
      <translation>the notification with reference number %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/sending.py" line="96" />
      <source>the notification with reference number %1, finished on %2</source>
      <translation>the notification with reference number %1, finished on %2</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/sending.py" line="267" />
      <source>Sending is being prepared…</source>
      <extracomment>"Finish and send?" while it is asked.</extracomment>
      <translation>Sending is being prepared…</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/sending.py" line="293" />
      <source>Not sent yet</source>
      <translation>Not sent yet</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/finalised_view.py" line="90" />
      <source>This notification is finished and locked; it can no longer be changed. To correct it, write a correction: a new notification that refers to this one.</source>
      <translation>This notification is finished and locked; it can no longer be changed. To correct it, write a correction: a new notification that refers to this one.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/finalised_view.py" line="94" />
      <source>The finished notification</source>
      <translation>The finished notification</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/finalised_view.py" line="140" />
      <location filename="../desktop/ui/wizard/finalised_view.py" line="151" />
      <source>The correction could not be started</source>
      <translation>The correction could not be started</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/discarding.py" line="20" />
      <source>Discard this notification?</source>
      <translation>Discard this notification?</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/discarding.py" line="21" />
      <source>What you have written will be deleted and cannot be brought back.</source>
      <translation>What you have written will be deleted and cannot be brought back.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/discarding.py" line="25" />
      <source>&amp;Delete it</source>
      <translation>&amp;Delete it</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/discarding.py" line="26" />
      <source>&amp;Keep it</source>
      <translation>&amp;Keep it</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="36" />
      <source>An unborn child (due %1)</source>
      <translation>An unborn child (due %1)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="37" />
      <source>(no name given)</source>
      <translation>(no name given)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="39" />
      <source>%1, born %2</source>
      <translation>%1, born %2</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="49" />
      <source>Child</source>
      <translation>Child</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="52" />
      <source>Sent to</source>
      <translation>Sent to</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="56" />
      <location filename="../desktop/ui/wizard/confirm.py" line="59" />
      <location filename="../desktop/ui/wizard/confirm.py" line="62" />
      <location filename="../desktop/ui/wizard/confirm.py" line="108" />
      <source>Child in danger right now</source>
      <translation>Child in danger right now</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="56" />
      <source>Yes. Writing is not enough: phone now as well. %1</source>
      <translation>Yes. Writing is not enough: phone now as well. %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="59" />
      <source>Don't know. If you are in doubt, phone as well. %1</source>
      <translation>Don't know. If you are in doubt, phone as well. %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="65" />
      <source>Corrects</source>
      <translation>Corrects</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="66" />
      <source>What happens now</source>
      <translation>What happens now</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="72" />
      <source>The notification is locked and can no longer be changed (a correction is sent as a new notification). It is sent securely to the municipality as soon as this PC is online.</source>
      <translation>The notification is locked and can no longer be changed (a correction is sent as a new notification). It is sent securely to the municipality as soon as this PC is online.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="76" />
      <source>Within 24 hours the municipality must assess whether the child needs help at once, and within six working days it must send you a receipt. Later it must tell you whether the notification has led to an investigation or support, unless that could harm the child.</source>
      <translation>Within 24 hours the municipality must assess whether the child needs help at once, and within six working days it must send you a receipt. Later it must tell you whether the notification has led to an investigation or support, unless that could harm the child.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="82" />
      <source>Within 24 hours the municipality must assess whether the child needs help at once.</source>
      <translation>Within 24 hours the municipality must assess whether the child needs help at once.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="95" />
      <source>Finish and send?</source>
      <translation>Finish and send?</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="98" />
      <source>Finish and send the notification?</source>
      <translation>Finish and send the notification?</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="125" />
      <location filename="../desktop/ui/wizard/window.py" line="293" />
      <source>&amp;Finish and send</source>
      <translation>&amp;Finish and send</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="128" />
      <location filename="../desktop/ui/wizard/window.py" line="294" />
      <source>Finish and send the notification</source>
      <translation>Finish and send the notification</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="129" />
      <source>&amp;Go back</source>
      <translation>&amp;Go back</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="132" />
      <source>Go back to the review</source>
      <translation>Go back to the review</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/municipality_picker.py" line="45" />
      <source>Choose the municipality</source>
      <translation>Choose the municipality</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/municipality_picker.py" line="70" />
      <source>%1 receives notifications through Underret over the internet, and this PC may only send them by secure e-mail (set by the IT department). You can write the notification here, but it cannot be sent from here. Phone %1 today and tell them about your concern.</source>
      <translation>%1 receives notifications through Underret over the internet, and this PC may only send them by secure e-mail (set by the IT department). You can write the notification here, but it cannot be sent from here. Phone %1 today and tell them about your concern.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/municipality_picker.py" line="76" />
      <source>Their number: %1.</source>
      <translation>Their number: %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/municipality_picker.py" line="78" />
      <source>%1 cannot receive notifications through Underret yet. You can write the notification here, but it cannot be sent from here. Phone %1 on %2 today and tell them about your concern.</source>
      <translation>%1 cannot receive notifications through Underret yet. You can write the notification here, but it cannot be sent from here. Phone %1 on %2 today and tell them about your concern.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/municipality_picker.py" line="83" />
      <source>%1 cannot receive notifications through Underret yet. You can write the notification here, but it cannot be sent from here. Phone %1 today (the number is on the municipality's website) and tell them about your concern.</source>
      <translation>%1 cannot receive notifications through Underret yet. You can write the notification here, but it cannot be sent from here. Phone %1 today (the number is on the municipality's website) and tell them about your concern.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/page.py" line="76" />
      <source>Fields marked * must be filled in.</source>
      <extracomment>"Fields with * must be filled in", shown while the page has a required field.</extracomment>
      <translation>Fields marked * must be filled in.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/sibling.py" line="69" />
      <source>&amp;Notify about a sibling too</source>
      <translation>&amp;Notify about a sibling too</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/sibling.py" line="70" />
      <source>Notify about a sibling too</source>
      <translation>Notify about a sibling too</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/sibling.py" line="71" />
      <source>Starts a new notification about a brother or sister, with the family filled in</source>
      <translation>Starts a new notification about a brother or sister, with the family filled in</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/sibling.py" line="82" />
      <source>The notification about a sibling could not be started</source>
      <translation>The notification about a sibling could not be started</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/sibling.py" line="93" />
      <source>Another child in the family</source>
      <translation>Another child in the family</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/derived_notice.py" line="90" />
      <source>&amp;Undo</source>
      <translation>&amp;Undo</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/derived_notice.py" line="92" />
      <source>Put these answers back as they were</source>
      <translation>Put these answers back as they were</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/derived_notice.py" line="107" />
      <source>From your answer we have also filled in:</source>
      <extracomment>(path, the answer before) of each change shown, and the field the person was changing.</extracomment>
      <translation>From your answer we have also filled in:</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/derived_notice.py" line="119" />
      <source>Press Tab, then Space on Undo, to put them back.</source>
      <translation>Press Tab, then Space on Undo, to put them back.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/derived_notice.py" line="143" />
      <source>The answers are back as they were.</source>
      <translation>The answers are back as they were.</translation>
    </message>
  </context>
  <context>
    <name>WizardMessages</name>
    <message>
      <location filename="../desktop/ui/wizard/finalising.py" line="53" />
      <source>This PC is not set up to send notifications yet. What you wrote is kept as a draft. Please contact IT, and phone the municipality if the matter is urgent.</source>
      <translation>This PC is not set up to send notifications yet. What you wrote is kept as a draft. Please contact IT, and phone the municipality if the matter is urgent.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/finalising.py" line="56" />
      <source>{name} cannot receive notifications through Underret yet, so this notification cannot be sent from here. It is kept here as a draft and is not sent by itself; nothing is lost. Phone {name} on {number} today and tell them about your concern.</source>
      <translation>{name} cannot receive notifications through Underret yet, so this notification cannot be sent from here. It is kept here as a draft and is not sent by itself; nothing is lost. Phone {name} on {number} today and tell them about your concern.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/finalising.py" line="60" />
      <source>{name} cannot receive notifications through Underret yet, so this notification cannot be sent from here. It is kept here as a draft and is not sent by itself; nothing is lost. Phone {name} today (the number is on the municipality's website) and tell them about your concern.</source>
      <translation>{name} cannot receive notifications through Underret yet, so this notification cannot be sent from here. It is kept here as a draft and is not sent by itself; nothing is lost. Phone {name} today (the number is on the municipality's website) and tell them about your concern.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/finalising.py" line="65" />
      <source>{name} receives notifications through Underret over the internet, and this PC may only send them by secure e-mail (set by the IT department). So this notification cannot be sent from here. It is kept here as a draft and is not sent by itself; nothing is lost. Phone {name} on {number} today and tell them about your concern.</source>
      <translation>{name} receives notifications through Underret over the internet, and this PC may only send them by secure e-mail (set by the IT department). So this notification cannot be sent from here. It is kept here as a draft and is not sent by itself; nothing is lost. Phone {name} on {number} today and tell them about your concern.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/finalising.py" line="71" />
      <source>{name} receives notifications through Underret over the internet, and this PC may only send them by secure e-mail (set by the IT department). So this notification cannot be sent from here. It is kept here as a draft and is not sent by itself; nothing is lost. Phone {name} today (the number is on the municipality's website) and tell them about your concern.</source>
      <translation>{name} receives notifications through Underret over the internet, and this PC may only send them by secure e-mail (set by the IT department). So this notification cannot be sent from here. It is kept here as a draft and is not sent by itself; nothing is lost. Phone {name} today (the number is on the municipality's website) and tell them about your concern.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/finalising.py" line="77" />
      <source>Something is still missing in the notification. Please look at the marked field.</source>
      <translation>Something is still missing in the notification. Please look at the marked field.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/finalising.py" line="79" />
      <source>Your latest changes could not be saved. Keep this window open and try again.</source>
      <translation>Your latest changes could not be saved. Keep this window open and try again.</translation>
    </message>
  </context>
  <context>
    <name>WizardProblems</name>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="16" />
      <source>Please fill this in.</source>
      <translation>Please fill this in.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="17" />
      <source>This text is too long: at most {max} characters (now {length}).</source>
      <translation>This text is too long: at most {max} characters (now {length}).</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="19" />
      <source>Please write a little more here.</source>
      <translation>Please write a little more here.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="20" />
      <source>This does not look like an e-mail address.</source>
      <translation>This does not look like an e-mail address.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="21" />
      <source>This does not look like a phone number.</source>
      <translation>This does not look like a phone number.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="22" />
      <source>Write the date as day-month-year, e.g. 24-12-2019.</source>
      <translation>Write the date as day-month-year, e.g. 24-12-2019.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="24" />
      <source>Write the date and time as day-month-year hours:minutes, e.g. 24-12-2019 08:15.</source>
      <translation>Write the date and time as day-month-year hours:minutes, e.g. 24-12-2019 08:15.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="27" />
      <source>This date lies in the future.</source>
      <translation>This date lies in the future.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="28" />
      <source>This date lies in the past.</source>
      <translation>This date lies in the past.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="29" />
      <source>This date is more than {days} days ahead.</source>
      <translation>This date is more than {days} days ahead.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="31" />
      <source>This date is more than {days} days back.</source>
      <translation>This date is more than {days} days back.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="33" />
      <source>Please choose one of the options.</source>
      <translation>Please choose one of the options.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="34" />
      <source>Please fill this in again.</source>
      <translation>Please fill this in again.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="35" />
      <source>Please write why the parent has not been told.</source>
      <translation>Please write why the parent has not been told.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="42" />
      <source>This CPR number gives a birth date in the future. Please check that it is typed correctly.</source>
      <translation>This CPR number gives a birth date in the future. Please check that it is typed correctly.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="47" />
      <source>With this birth date the child is 18 or older. A notification must be about a child under 18. Please check that it is typed correctly.</source>
      <translation>With this birth date the child is 18 or older. A notification must be about a child under 18. Please check that it is typed correctly.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="51" />
      <source>With this birth date the child is not born yet. Please check that it is typed correctly; for an unborn child, choose that at the top of the page.</source>
      <translation>With this birth date the child is not born yet. Please check that it is typed correctly; for an unborn child, choose that at the top of the page.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="56" />
      <source>You have answered that you suspect violence or abuse at home, and that a parent knows about the notification. Please write under “What happened?” when and how the parent came to know.</source>
      <translation>You have answered that you suspect violence or abuse at home, and that a parent knows about the notification. Please write under “What happened?” when and how the parent came to know.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="178" />
      <location filename="../desktop/ui/wizard/problems.py" line="37" />
      <source>At most {max} can be added here.</source>
      <translation>At most {max} can be added here.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="38" />
      <source>Please write the person's name.</source>
      <translation>Please write the person's name.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="39" />
      <source>A CPR number has ten digits, e.g. 241219-1234.</source>
      <translation>A CPR number has ten digits, e.g. 241219-1234.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="40" />
      <source>The first six digits of the CPR number are not a real date (DDMMYY).</source>
      <translation>The first six digits of the CPR number are not a real date (DDMMYY).</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="45" />
      <source>Please check that the CPR number is typed correctly. You can go on.</source>
      <translation>Please check that the CPR number is typed correctly. You can go on.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="54" />
      <source>{count} ticked signs are no longer in the guidelines and will be left out.</source>
      <translation>{count} ticked signs are no longer in the guidelines and will be left out.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="67" />
      <source>Please check this field.</source>
      <translation>Please check this field.</translation>
    </message>
  </context>
</TS>
