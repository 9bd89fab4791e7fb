#include "reports/pdf_setup.h"
