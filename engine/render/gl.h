#pragma once
// The one place that includes OpenGL. Debian's libGL exports every core 3.3 entry point, so on
// Linux the prototypes are enough; a port to another platform swaps a loader in here.
#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/gl.h>
#include <GL/glext.h>
