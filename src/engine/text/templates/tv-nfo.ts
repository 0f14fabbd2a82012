/** Default TV NFO: 80 columns, CP437 art, the episode and the encode facts. */
export const DEFAULT_TV_NFO = `╔══════════════════════════════════════════════════════════════════════════════╗
║{{ release.group | center: 78 | rpad: 78 }}║
╚══════════════════════════════════════════════════════════════════════════════╝

{{ release.name | wrap: 76, "  " }}

  Show .........: {{ show.name }}
{%- if show.episode != blank %}
  Episode ......: {{ show.episode }}{% endif %}
{%- if show.title != blank %}
  Title ........: {{ show.title | wrap: 60, "", "                  " }}{% endif %}
{%- if show.airDate != blank %}
  Air date .....: {{ show.airDate }}{% endif %}
  Release date .: {{ release.date }}
{%- if video.resolution != blank %}
  Resolution ...: {{ video.width }}x{{ video.height }} ({{ video.resolution }}){% endif %}
{%- if video.duration != blank %}
  Duration .....: {{ video.duration }}{% endif %}
{%- if video.codec != blank %}
  Video ........: {{ video.codec }}{% endif %}
{%- if video.audio != blank %}
  Audio ........: {{ video.audio }}{% endif %}
  Size .........: {{ release.size | size }}
  Archives .....: {{ release.volumes.count }} x {{ release.volumes.size | mb }}MB
{%- if release.notes != blank %}

  Notes:
{{ release.notes | wrap: 76, "  " }}{% endif %}

░▒▓█ packed with {{ tool.name }} {{ tool.version }} █▓▒░
`;
