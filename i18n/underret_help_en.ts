<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
  <context>
    <name>Help</name>
    <message>
      <location filename="../desktop/ui/help/actions.py" line="45" />
      <source>&amp;Help for this window</source>
      <translation>&amp;Help for this window</translation>
    </message>
    <message>
      <location filename="../desktop/ui/help/actions.py" line="46" />
      <location filename="../desktop/ui/help/actions.py" line="98" />
      <source>Help for this window (F1)</source>
      <translation>Help for this window (F1)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/help/actions.py" line="74" />
      <source>&amp;Help</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <location filename="../desktop/ui/help/actions.py" line="96" />
      <source>Help</source>
      <translation>Help</translation>
    </message>
    <message>
      <location filename="../desktop/ui/help/actions.py" line="97" />
      <source>Help for this window</source>
      <translation>Help for this window</translation>
    </message>
  </context>
  <context>
    <name>HelpWindow</name>
    <message>
      <location filename="../desktop/ui/help/viewer.py" line="78" />
      <source>Help – %1</source>
      <translation>Help – %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/help/viewer.py" line="78" />
      <source>Help</source>
      <translation>Help</translation>
    </message>
    <message>
      <location filename="../desktop/ui/help/viewer.py" line="79" />
      <source>&amp;Close</source>
      <translation>&amp;Close</translation>
    </message>
    <message>
      <location filename="../desktop/ui/help/viewer.py" line="80" />
      <source>Close the help</source>
      <translation>Close the help</translation>
    </message>
    <message>
      <location filename="../desktop/ui/help/viewer.py" line="81" />
      <source>Help text</source>
      <translation>Help text</translation>
    </message>
    <message>
      <location filename="../desktop/ui/help/viewer.py" line="92" />
      <source>The guidelines have no help text for this window.</source>
      <translation>The guidelines have no help text for this window.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/help/viewer.py" line="93" />
      <source>What to do when you are worried</source>
      <translation>What to do when you are worried</translation>
    </message>
    <message>
      <location filename="../desktop/ui/help/viewer.py" line="94" />
      <source>Whom you can contact</source>
      <translation>Whom you can contact</translation>
    </message>
    <message>
      <location filename="../desktop/ui/help/viewer.py" line="95" />
      <source>Legal references</source>
      <translation>Legal references</translation>
    </message>
    <message>
      <location filename="../desktop/ui/help/viewer.py" line="127" />
      <source>From the guidelines: %1 (version %2)</source>
      <translation>From the guidelines: %1 (version %2)</translation>
    </message>
  </context>
</TS>
